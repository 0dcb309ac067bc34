package cn.duijie.support;

import cn.duijie.support.Logins;
import static io.restassured.RestAssured.given;

import java.nio.file.Path;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Imports files through the public API and waits for the job, as a bureau's script would. */
public final class Imports {
    private Imports() {
    }

    public static ValidatableResponse upload(Path... files) {
        RequestSpecification req = Logins.admin().queryParam("wait", true);
        for (Path f : files) {
            req = req.multiPart(f.getFileName().toString(), f.toFile());
        }
        return req.post("/api/v1/imports").then();
    }
}
