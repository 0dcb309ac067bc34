package cn.duijie.matching;

import java.util.HashMap;
import java.util.Map;

/** MET and DEAL outcomes recorded through Duijie, per candidate key TYPE:id (ENTERPRISE:913…, FUND:F-1, ACHIEVEMENT:A-1). */
public record TrackRecords(Map<String, Track> byKey) {

    public record Track(int deals, int mets) {
        static final Track NONE = new Track(0, 0);
    }

    public Track of(String type, String id) {
        return byKey.getOrDefault(type + ":" + id, Track.NONE);
    }

    public Track of(String key) {
        return byKey.getOrDefault(key, Track.NONE);
    }

    /** The same records with those read again ({@code read}); a key read without outcomes is dropped. */
    TrackRecords with(Iterable<String> keys, Map<String, Track> read) {
        Map<String, Track> out = new HashMap<>(byKey);
        for (String k : keys) {
            Track t = read.get(k);
            if (t == null || (t.deals() == 0 && t.mets() == 0)) {
                out.remove(k);
            } else {
                out.put(k, t);
            }
        }
        return new TrackRecords(out);
    }
}
