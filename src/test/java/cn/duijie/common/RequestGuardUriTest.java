package cn.duijie.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which request targets RequestGuard reads (Quarkus' own java.net.URI check, plus escapes that decode as UTF-8). */
class RequestGuardUriTest {

    @Test
    void wellFormedTargetsPass() {
        for (String uri : List.of("/", "/api/v1/enterprises?q=%E8%BD%B4%E6%89%BF&size=20", "/api/v1/enterprises?q=a+b",
                "/api/v1/needs/N-1?x=%25", "/api/v1/needs?postedBy=a%00b", "/q/health/ready", "*",
                "http://localhost:8080/api/v1/chains", "/api/v1/needs/..%2F..%2Fetc%2Fpasswd", "/a?q=%F0%9F%98%80")) {
            assertTrue(RequestGuard.wellFormed(uri), uri);
        }
    }

    @Test
    void brokenTargetsAreRefused() {
        for (String uri : List.of("/api/v1/needs/%zz", "/api/v1/enterprises?q=%E4%B8", "/api/v1/enterprises?q=%E4%ZZ",
                "/api/v1/enterprises/%E4%Z", "/a?q=%", "/a?q=%4", "/a/%C0%AF", "/a?q=%FF", "/a?q=a|b", "/a b", "/a?<x>",
                "/a?q=%ED%A0%80")) {
            assertFalse(RequestGuard.wellFormed(uri), uri);
        }
    }
}
