package cn.duijie;

import java.util.Map;

import cn.duijie.common.EngineBootstrap;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. Starts the embedded engines that are not configured as external servers before Quarkus starts
 * (Hibernate Reactive connects while Quarkus boots), then runs the service.
 */
@QuarkusMain
public class DuijieMain {

    public static void main(String... args) {
        EngineBootstrap engines = new EngineBootstrap();
        Map<String, String> props = engines.start(EngineBootstrap.Settings.fromEnvironment());
        props.forEach(System::setProperty);
        Runtime.getRuntime().addShutdownHook(new Thread(engines::stop, "duijie-engines-stop"));
        Quarkus.run(Service.class, args);
    }

    /** Runs until the service is asked to stop. */
    public static class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
