package cn.duijie.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded engines for every @QuarkusTest (a global test resource: one boot for the suite). */
@QuarkusTestResource(EmbeddedEnginesResource.class)
public final class TestEngines {
    private TestEngines() {
    }
}
