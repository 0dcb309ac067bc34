package cn.duijie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** No Docker engine runs here, so the compose file is checked by reading it: every variable it sets is one Duijie reads. */
class DockerComposeTest {

    /** Variables read by the container image's launcher, not by Duijie. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_OPTS", "JAVA_APP_JAR");

    @Test
    void composeWiresEveryServiceVariableToOneTheServiceReads() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");
        assertEquals("neo4j:5.26-community", services.at("/neo4j/image").asText());
        assertEquals("postgres:17", services.at("/db/image").asText());
        assertEquals("src/main/docker/Dockerfile.jvm", services.at("/duijie/build/dockerfile").asText());
        assertTrue(Files.exists(Path.of("src/main/docker/Dockerfile.jvm")));
        for (String name : new String[] {"neo4j", "db", "duijie"}) {
            assertNotNull(services.get(name).get("healthcheck"), name + " has a health check");
            assertFalse(services.get(name).get("volumes").isEmpty(), name + " keeps data in a named volume");
        }

        Set<String> read = variablesTheServiceReads();
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) services.get("duijie").get("environment")::fields) {
            if (!read.contains(e.getKey()) && !IMAGE_VARIABLES.contains(e.getKey())) {
                unknown.add(e.getKey());
            }
        }
        assertTrue(unknown.isEmpty(), "compose sets variables Duijie never reads: " + unknown);
        assertTrue(read.containsAll(Set.of("NEO4J_URI", "DB_URL", "NEO4J_PASSWORD", "DB_PASSWORD")));
    }

    static Set<String> variablesTheServiceReads() throws Exception {
        Set<String> vars = new HashSet<>(EngineBootstrap.ENVIRONMENT_VARIABLES);
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(
                Files.readString(Path.of("src/main/resources/application.properties")));
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }
}
