package cn.duijie.chain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.neo4j.driver.Value;

import cn.duijie.domain.Stage;
import cn.duijie.graph.Values;

/** Shapes of the chains API, each mapped from its Cypher projection by {@code from(Value)}. */
public final class ChainApi {

    private ChainApi() {
    }

    @Schema(name = "ChainSummary")
    public record ChainSummary(String id, String name, String description, Long segments, Long products, Long leaders) {
        static ChainSummary from(Value v) {
            return new ChainSummary(Values.text(v.get("id")), Values.text(v.get("name")), Values.text(v.get("description")),
                    Values.whole(v.get("segments")), Values.whole(v.get("products")), Values.whole(v.get("leaders")));
        }
    }

    @Schema(name = "ChainProduct")
    public record ProductView(String code, String name, String broaderCode,
                              @Schema(description = "地区内生产该产品的企业数") Long suppliers) {
        static ProductView from(Value v) {
            return new ProductView(Values.text(v.get("code")), Values.text(v.get("name")), Values.text(v.get("broaderCode")),
                    Values.whole(v.get("suppliers")));
        }
    }

    @Schema(name = "ChainSegment")
    public record SegmentView(String id, String name, Stage stage, List<String> feeds,
                              @Schema(description = "地区内该环节的企业数") Long suppliers, List<ProductView> products) {
        static SegmentView from(Value v) {
            return new SegmentView(Values.text(v.get("id")), Values.text(v.get("name")), Values.constant(v.get("stage"), Stage.class),
                    Values.texts(v.get("feeds")), Values.whole(v.get("suppliers")), Values.list(v.get("products"), ProductView::from));
        }
    }

    @Schema(name = "ChainLeader")
    public record Leader(String creditCode, String name, String regionCode) {
        static Leader from(Value v) {
            return new Leader(Values.text(v.get("creditCode")), Values.text(v.get("name")), Values.text(v.get("regionCode")));
        }
    }

    @Schema(name = "Chain")
    public record ChainView(String id, String name, String description, List<SegmentView> segments, List<Leader> leaders) {
        static ChainView from(Value v) {
            return new ChainView(Values.text(v.get("id")), Values.text(v.get("name")), Values.text(v.get("description")),
                    Values.list(v.get("segments"), SegmentView::from), Values.list(v.get("leaders"), Leader::from));
        }
    }

    /** Whether a gap is a whole segment or one product of it. */
    public enum GapKind { SEGMENT, PRODUCT }

    @Schema(name = "ChainGap", description = "地区内企业少于 min 家的环节或产品")
    public record Gap(GapKind kind, String id, String name, String segmentId, String segmentName, Stage stage,
                      @Schema(description = "地区内企业数") Long inRegion,
                      @Schema(description = "地区外企业数（可招引的来源）") Long elsewhere) {
        static Gap from(Value v) {
            return new Gap(Values.constant(v.get("kind"), GapKind.class), Values.text(v.get("id")), Values.text(v.get("name")),
                    Values.text(v.get("segmentId")), Values.text(v.get("segmentName")), Values.constant(v.get("stage"), Stage.class),
                    Values.whole(v.get("inRegion")), Values.whole(v.get("elsewhere")));
        }
    }
}
