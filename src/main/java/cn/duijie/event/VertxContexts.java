package cn.duijie.event;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Brings a pipeline back to the caller's Vert.x context (Hibernate Reactive sessions live there). */
final class VertxContexts {
    private VertxContexts() {
    }

    /** An executor that runs on the current Vert.x context, or inline when there is none. */
    static Executor current() {
        Context ctx = Vertx.currentContext();
        if (ctx == null) {
            return Runnable::run;
        }
        return command -> ctx.runOnContext(ignored -> command.run());
    }
}
