package cn.duijie.imports;

import java.util.List;
import java.util.Map;

/** Where validated needs.csv rows go: needs are owned by PostgreSQL, not written to the graph directly. */
public interface NeedRowSink {

    /** Counts of what the upsert did. */
    record Counts(int created, int updated, int unchanged) {
    }

    /** Upserts the rows (typed values by column name, each with its "hash") in one transaction; blocking. */
    Counts upsert(List<Map<String, Object>> rows);

    /** Who posted the needs of these ids that exist already (id → credit code); blocking. */
    Map<String, String> posters(java.util.Collection<String> ids);
}
