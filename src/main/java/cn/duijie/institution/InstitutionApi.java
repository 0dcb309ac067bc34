package cn.duijie.institution;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.neo4j.driver.Value;

import cn.duijie.domain.AchievementKind;
import cn.duijie.domain.InstitutionKind;
import cn.duijie.graph.Values;

/** Shapes of the institutions and achievements API, each mapped from its Cypher projection by {@code from(Value)}. */
public final class InstitutionApi {

    private InstitutionApi() {
    }

    @Schema(name = "InstitutionSummary")
    public record Summary(String id, String name, InstitutionKind kind, String regionCode, String regionName,
                          List<String> technologies, Long achievements) {
        static Summary from(Value v) {
            return new Summary(Values.text(v.get("id")), Values.text(v.get("name")), Values.constant(v.get("kind"), InstitutionKind.class),
                    Values.text(v.get("regionCode")), Values.text(v.get("regionName")), Values.texts(v.get("technologies")),
                    Values.whole(v.get("achievements")));
        }
    }

    @Schema(name = "Expert")
    public record Expert(String id, String name, String title, List<String> technologies) {
        static Expert from(Value v) {
            return new Expert(Values.text(v.get("id")), Values.text(v.get("name")), Values.text(v.get("title")),
                    Values.texts(v.get("technologies")));
        }
    }

    @Schema(name = "InstitutionCollaboration")
    public record Collaboration(String creditCode, String name, Long year, String title) {
        static Collaboration from(Value v) {
            return new Collaboration(Values.text(v.get("creditCode")), Values.text(v.get("name")), Values.whole(v.get("year")),
                    Values.text(v.get("title")));
        }
    }

    @Schema(name = "InstitutionDetail")
    public record Detail(String id, String name, InstitutionKind kind, String regionCode, String regionName, String description,
                         List<String> technologies, List<Expert> experts, Long achievements,
                         List<Collaboration> collaborations) {
        static Detail from(Value v) {
            return new Detail(Values.text(v.get("id")), Values.text(v.get("name")), Values.constant(v.get("kind"), InstitutionKind.class),
                    Values.text(v.get("regionCode")), Values.text(v.get("regionName")), Values.text(v.get("description")),
                    Values.texts(v.get("technologies")), Values.list(v.get("experts"), Expert::from),
                    Values.whole(v.get("achievements")), Values.list(v.get("collaborations"), Collaboration::from));
        }
    }

    @Schema(name = "Achievement")
    public record Achievement(String id, String title, AchievementKind kind, Long trl, String description, String institutionId,
                              String institutionName, List<String> technologies, List<String> products) {
        static Achievement from(Value v) {
            return new Achievement(Values.text(v.get("id")), Values.text(v.get("title")), Values.constant(v.get("kind"), AchievementKind.class),
                    Values.whole(v.get("trl")), Values.text(v.get("description")), Values.text(v.get("institutionId")),
                    Values.text(v.get("institutionName")), Values.texts(v.get("technologies")), Values.texts(v.get("products")));
        }
    }

    /** The filters of GET /institutions; null means any. */
    public record InstitutionFilter(String q, InstitutionKind kind, String region, String technology) {
    }

    /** The filters of GET /achievements; null means any. */
    public record AchievementFilter(String q, String technology, String institution, Integer minTrl) {
    }
}
