package cn.duijie.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;

import cn.duijie.common.Messages;
import cn.duijie.domain.NodeKind;

/**
 * Applies a set of graph-seed files: file by file in dependency order, row by row validated; good rows land,
 * bad rows are reported with row number, column and reason. Blocking: runs on the import worker thread.
 */
@ApplicationScoped
public class ImportEngine {

    private static final Logger LOG = Logger.getLogger(ImportEngine.class);

    /** One uploaded or named file. */
    public record Source(String name, Path path) {
    }

    private final GraphWriter writer;
    private final Instance<NeedRowSink> needSink;
    private final Instance<AccountRowSink> accountSink;

    private final cn.duijie.graph.GraphChanges changes;
    private final DuplicateKeyBackfill duplicateKeys;

    ImportEngine(Driver driver, Instance<NeedRowSink> needSink, Instance<AccountRowSink> accountSink,
                 cn.duijie.graph.GraphChanges changes, DuplicateKeyBackfill duplicateKeys) {
        this.writer = new GraphWriter(driver);
        this.duplicateKeys = duplicateKeys;
        this.needSink = needSink;
        this.accountSink = accountSink;
        this.changes = changes;
    }

    /** Told how far a run is: the rows of all its files, and how many of them are done (rejected, unchanged or written). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (total, done) -> { };

        void at(int total, int done);
    }

    /** Rows counted up front, then done file by file and, while a file is written, batch by batch. */
    private static final class Tracker {
        private final Progress progress;
        private final int total;
        private int done;

        Tracker(Progress progress, int total) {
            this.progress = progress;
            this.total = total;
            progress.at(total, 0);
        }

        void add(int rows) {
            if (rows > 0) {
                done = Math.min(total, done + rows);
                progress.at(total, done);
            }
        }

        void fileDone(int fileStart, int rows) {
            done = Math.min(total, Math.max(done, fileStart + rows));
            progress.at(total, done);
        }
    }

    public ImportReport run(List<Source> sources) {
        return run(sources, ImportScope.ALL);
    }

    public ImportReport run(List<Source> sources, ImportScope scope) {
        return run(sources, scope, Progress.NONE);
    }

    /** Applies the files; rows outside the scope (a bureau clerk's region) are rejected with their reason. */
    public ImportReport run(List<Source> sources, ImportScope scope, Progress progress) {
        ImportReport report = new ImportReport();
        Map<ImportFile, Source> byKind = new EnumMap<>(ImportFile.class);
        for (Source s : sources) {
            var kind = ImportFile.forName(s.name());
            if (kind.isEmpty()) {
                report.errors.add(new ImportReport.RowError(s.name(), 0, null, Messages.get("import.file.unknown", s.name(),
                        String.join(", ", java.util.Arrays.stream(ImportFile.values()).map(ImportFile::fileName).toList())),
                        ImportReport.Cause.FILE));
            } else if (byKind.putIfAbsent(kind.get(), s) != null) {
                report.errors.add(new ImportReport.RowError(s.name(), 0, null, Messages.get("import.file.duplicate-part", s.name()), ImportReport.Cause.FILE));
            }
        }
        Map<NodeKind, Set<String>> keys = new EnumMap<>(NodeKind.class);
        // a first, reading-only pass counts the rows, so the progress is of the whole run from the start
        Tracker tracker = new Tracker(progress, byKind.values().stream().mapToInt(ImportEngine::countRows).sum());
        try {
            for (Map.Entry<ImportFile, Source> e : byKind.entrySet()) {
                long start = System.nanoTime();
                applyFile(e.getKey(), e.getValue(), keys, report, scope, tracker);
                LOG.infof("Imported %s in %d ms", e.getKey().fileName(), (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            publish(report); // what was written before a failure is published too
        }
        return report;
    }

    /** Rows of a file, 0 for one that cannot be read (it is rejected with its reason when applied). */
    private static int countRows(Source source) {
        int[] n = {0};
        try {
            new TableReader(source.path(), source.name()).read(row -> n[0]++);
        } catch (RuntimeException e) {
            return 0;
        }
        return n[0];
    }

    private void applyFile(ImportFile file, Source source, Map<NodeKind, Set<String>> keys, ImportReport report,
                           ImportScope scope, Tracker tracker) {
        int fileStart = tracker.done;
        int filesBefore = report.files.size();
        try {
            applyFile(file, source, keys, report, scope, tracker::add);
        } finally {
            tracker.fileDone(fileStart, report.files.size() > filesBefore ? rowsOf(report.files.get(report.files.size() - 1)) : 0);
        }
    }

    private static int rowsOf(ImportReport.FileCounts f) {
        return f.created() + f.updated() + f.unchanged() + f.rejected();
    }

    private void applyFile(ImportFile file, Source source, Map<NodeKind, Set<String>> keys, ImportReport report,
                           ImportScope scope, java.util.function.IntConsumer done) {
        String fileName = file.fileName();
        TableReader reader = new TableReader(source.path(), source.name());
        List<TableReader.Row> raw = new ArrayList<>();
        List<String> header;
        try {
            reader.checkEncoding();
            header = reader.read(raw::add);
        } catch (TableReader.FileRejected rejected) {
            report.errors.add(new ImportReport.RowError(fileName, 0, null, rejected.getMessage(), ImportReport.Cause.FILE));
            report.files.add(new ImportReport.FileCounts(fileName, 0, 0, 0, 0));
            return;
        }
        if (!scope.unrestricted() && !ImportScope.PLACES.containsKey(file)) {
            report.errors.add(new ImportReport.RowError(fileName, 0, null, Messages.get("import.scope.catalogue", fileName),
                    ImportReport.Cause.FILE));
            report.files.add(new ImportReport.FileCounts(fileName, 0, 0, 0, raw.size()));
            return;
        }
        applyRows(file, header, raw, keys, report, scope, done);
    }

    void applyRows(ImportFile file, List<String> header, List<TableReader.Row> raw, Map<NodeKind, Set<String>> keys, ImportReport report) {
        applyRows(file, header, raw, keys, report, ImportScope.ALL, rows -> { });
    }

    /** Validates and applies rows given as header-named cells (an API body, or a file already read). */
    void applyRows(ImportFile file, List<String> header, List<TableReader.Row> raw, Map<NodeKind, Set<String>> keys,
                   ImportReport report, ImportScope scope, java.util.function.IntConsumer done) {
        String fileName = file.fileName();
        Set<String> present = new LinkedHashSet<>(header);
        List<String> missing = new ArrayList<>();
        for (Column c : file.columns) {
            if ((c.required() || file.keyColumns.contains(c.name())) && !present.contains(c.name())) {
                missing.add(c.name());
            }
        }
        if (!missing.isEmpty()) {
            report.errors.add(new ImportReport.RowError(fileName, 1, String.join(",", missing),
                    Messages.get("import.file.missing-columns", String.join(", ", missing)), ImportReport.Cause.FILE));
            report.files.add(new ImportReport.FileCounts(fileName, 0, 0, 0, raw.size()));
            return;
        }

        // 1. cell values and duplicate keys within the file
        List<ImportReport.RowError> errors = new ArrayList<>();
        List<TableReader.Row> rows = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        for (TableReader.Row row : raw) {
            RowValidator.Result r = RowValidator.validate(file, row, present);
            if (!r.errors().isEmpty()) {
                errors.addAll(r.errors());
                continue;
            }
            String rowKey = rowKey(file, r.values());
            Integer first = firstRowOfKey.putIfAbsent(rowKey, row.number());
            if (first != null) {
                errors.add(new ImportReport.RowError(fileName, row.number(), String.join(",", file.keyColumns),
                        Messages.get("import.row.duplicate-key", first)));
                continue;
            }
            rows.add(row);
            values.add(r.values());
        }
        // the firm's contact columns never reach the graph (nor the row hash): kept aside for the account sink
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (Map<String, Object> v : values) {
            Map<String, Object> c = new HashMap<>();
            for (String col : ImportFile.CONTACT_COLUMNS) {
                Object x = v.remove(col);
                if (x != null) {
                    c.put(col, x);
                }
            }
            contacts.add(c);
        }

        // 2. references, against the graph and the good rows of this and earlier files; repeated while rejecting a
        //    row removes a key another row of the same file refers to
        boolean changed = true;
        boolean[] rejected = new boolean[rows.size()];
        while (changed) {
            changed = false;
            Set<String> ownKeys = new HashSet<>();
            if (file.creates != null) {
                for (int i = 0; i < values.size(); i++) {
                    if (!rejected[i]) {
                        ownKeys.add(rowKey(file, values.get(i)));
                    }
                }
            }
            for (int i = 0; i < values.size(); i++) {
                if (rejected[i]) {
                    continue;
                }
                ImportReport.RowError err = firstUnknownReference(file, rows.get(i).number(), values.get(i), keys, ownKeys);
                if (err != null) {
                    rejected[i] = true;
                    errors.add(err);
                    changed = file.creates != null;
                }
            }
        }

        // 2b. a bureau clerk's import: only rows of the clerk's region (ImportScope)
        if (!scope.unrestricted()) {
            outOfScope(file, rows, values, rejected, scope, errors);
        }

        // 3. hash each good row, compare with what the graph holds, write what changed
        List<Map<String, Object>> good = new ArrayList<>();
        List<String> goodKeys = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!rejected[i]) {
                good.add(values.get(i));
                goodKeys.add(rowKey(file, values.get(i)));
            }
        }
        List<AccountRowSink.ContactRow> contactRows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Map<String, Object> c = contacts.get(i);
            if (!rejected[i] && (c.containsKey("contactEmail") || c.containsKey("contactMobile"))) {
                Map<String, Object> v = values.get(i);
                contactRows.add(new AccountRowSink.ContactRow((String) v.get("creditCode"), (String) v.get("name"),
                        (String) v.get("regionCode"), (String) c.get("contactName"), (String) c.get("contactEmail"),
                        (String) c.get("contactMobile")));
            }
        }
        if (file == ImportFile.ENTERPRISES) {
            report.duplicates.addAll(DuplicateFirms.find(good, writer.enterpriseNames(DuplicateFirms.keys(good), duplicateKeys.done())));
        }
        errors.sort(Comparator.comparingInt(ImportReport.RowError::row));
        report.errors.addAll(errors);

        int created;
        int updated;
        int unchanged;
        if (file == ImportFile.NEEDS) {
            List<Map<String, Object>> needRows = new ArrayList<>();
            for (Map<String, Object> v : good) {
                Map<String, Object> m = new LinkedHashMap<>(v);
                m.put("hash", hash(v));
                needRows.add(m);
            }
            NeedRowSink.Counts c = needSink.isResolvable() ? needSink.get().upsert(needRows) : new NeedRowSink.Counts(0, 0, 0);
            created = c.created();
            updated = c.updated();
            unchanged = c.unchanged();
        } else {
            List<Map<String, Object>> params = new ArrayList<>();
            for (int i = 0; i < good.size(); i++) {
                params.add(toParameters(file, goodKeys.get(i), good.get(i)));
            }
            Map<String, String> existing = writer.existingHashes(file, params);
            List<Map<String, Object>> toCreate = new ArrayList<>();
            List<Map<String, Object>> toUpdate = new ArrayList<>();
            created = 0;
            updated = 0;
            unchanged = 0;
            for (Map<String, Object> p : params) {
                String old = existing.get((String) p.get("rowKey"));
                if (old == null) {
                    created++;
                    toCreate.add(p);
                } else if (!old.equals(p.get("hash"))) {
                    updated++;
                    toUpdate.add(p);
                } else {
                    unchanged++;
                }
            }
            done.accept(raw.size() - good.size() + unchanged); // rejected and unchanged rows are done before any write
            writer.write(file, toCreate, toUpdate, present, done);
            noteChanges(file, toCreate, toUpdate, report);
        }
        if (file.creates != null) {
            // the later files of this run may refer to these keys: a key set already read learns them; one not read
            // yet will be read from the graph, which has them (reading every key here cost a profile edit 1-6 s)
            Set<String> known = keys.get(file.creates);
            if (known != null) {
                known.addAll(goodKeys);
            }
        }
        report.files.add(new ImportReport.FileCounts(fileName, created, updated, unchanged, raw.size() - good.size()));
        if (!contactRows.isEmpty() && accountSink.isResolvable()) {
            report.accounts.addAll(accountSink.get().provision(contactRows, scope.owner() == null ? "import" : scope.owner()));
        }
    }

    /** Notes what the rows just written changed; {@link #publish} tells the change feed once the run is done. */
    private static void noteChanges(ImportFile file, List<Map<String, Object>> created, List<Map<String, Object>> updated,
                                    ImportReport report) {
        if (created.isEmpty() && updated.isEmpty()) {
            return;
        }
        cn.duijie.graph.GraphChanges.Domain domain = switch (file) {
            case ENTERPRISES, SUPPLIES -> cn.duijie.graph.GraphChanges.Domain.FIRMS;
            case REGIONS -> cn.duijie.graph.GraphChanges.Domain.REGIONS;
            case CHAINS, SEGMENTS, PRODUCTS -> cn.duijie.graph.GraphChanges.Domain.TAXONOMY;
            case TECHNOLOGIES, INSTITUTIONS, EXPERTS, ACHIEVEMENTS, COLLABORATIONS -> cn.duijie.graph.GraphChanges.Domain.RESEARCH;
            case INVESTORS, FUNDS, INVESTMENTS -> cn.duijie.graph.GraphChanges.Domain.FUNDS;
            default -> null; // needs go through the outbox, which publishes when it projects them
        };
        if (domain == null) {
            return;
        }
        java.util.Set<String> keys = report.changed.computeIfAbsent(domain, d -> new java.util.LinkedHashSet<>());
        if (domain == cn.duijie.graph.GraphChanges.Domain.FIRMS) {
            for (List<Map<String, Object>> rows : List.of(created, updated)) {
                for (Map<String, Object> p : rows) {
                    keys.add(String.valueOf(file == ImportFile.SUPPLIES ? p.get("a") : p.get("rowKey")));
                }
            }
        }
    }

    /** Tells the change feed (and so the matching snapshot of every replica) what this run changed, one row per domain. */
    private void publish(ImportReport report) {
        report.changed.forEach((domain, keys) -> {
            if (domain == cn.duijie.graph.GraphChanges.Domain.FIRMS) {
                changes.publish(domain, keys);
            } else {
                changes.publishWhole(domain);
            }
        });
        report.changed.clear();
    }

    /** Applies one row outside an import job (e.g. PUT /enterprises/{creditCode}); blocking. */
    public ImportReport applyOne(ImportFile file, Map<String, String> cells) {
        ImportReport report = new ImportReport();
        applyRows(file, List.copyOf(cells.keySet()), List.of(new TableReader.Row(2, cells)), new EnumMap<>(NodeKind.class), report);
        publish(report);
        return report;
    }

    private ImportReport.RowError firstUnknownReference(ImportFile file, int rowNumber, Map<String, Object> v,
                                                        Map<NodeKind, Set<String>> keys, Set<String> ownKeys) {
        for (Column c : file.columns) {
            if (c.ref() == null || !v.containsKey(c.name())) {
                continue;
            }
            Object value = v.get(c.name());
            List<?> refs = value instanceof List<?> l ? l : value == null ? List.of() : List.of(value);
            Set<String> known = keys.computeIfAbsent(c.ref(), writer::keys);
            for (Object ref : refs) {
                String k = (String) ref;
                if (!known.contains(k) && !(c.ref() == file.creates && ownKeys.contains(k))) {
                    return new ImportReport.RowError(file.fileName(), rowNumber, c.name(),
                            Messages.get("import.row.unknown-ref", c.ref().noun(), k), ImportReport.Cause.REFERENCE);
                }
            }
        }
        return null;
    }

    /** Rejects the rows none of whose places is in the scope's region, and those that would take over another region's party. */
    private void outOfScope(ImportFile file, List<TableReader.Row> rows, List<Map<String, Object>> values, boolean[] rejected,
                            ImportScope scope, List<ImportReport.RowError> errors) {
        List<ImportScope.Place> places = ImportScope.PLACES.get(file);
        Map<NodeKind, Set<String>> wanted = new EnumMap<>(NodeKind.class);
        Set<String> ownKeys = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (rejected[i]) {
                continue;
            }
            for (ImportScope.Place place : places) {
                Object v = values.get(i).get(place.column());
                if (!place.isRegion() && v != null) {
                    wanted.computeIfAbsent(place.party(), k -> new HashSet<>()).add((String) v);
                }
            }
            ownKeys.add(rowKey(file, values.get(i)));
        }
        Map<NodeKind, Map<String, String>> regions = new EnumMap<>(NodeKind.class);
        wanted.forEach((kind, ks) -> regions.put(kind, writer.regionsOf(kind, ks)));
        // where the parties this file would overwrite are now
        Map<String, String> current = file == ImportFile.NEEDS
                ? needPosterRegions(ownKeys)
                : file.creates == null ? Map.of() : writer.regionsOf(file.creates, ownKeys);
        for (int i = 0; i < values.size(); i++) {
            if (rejected[i]) {
                continue;
            }
            Map<String, Object> v = values.get(i);
            boolean inside = false;
            String seen = null;
            for (ImportScope.Place place : places) {
                Object value = v.get(place.column());
                String region = value == null ? null
                        : place.isRegion() ? (String) value : regions.getOrDefault(place.party(), Map.of()).get((String) value);
                seen = seen == null ? region : seen;
                inside |= cn.duijie.account.Regions.covers(scope.regionCode(), region);
            }
            String now = current.get(rowKey(file, v));
            String column = places.get(0).column();
            if (!inside) {
                rejected[i] = true;
                errors.add(new ImportReport.RowError(file.fileName(), rows.get(i).number(), column,
                        Messages.get("import.scope.outside", seen == null ? "—" : seen, scope.regionCode()), ImportReport.Cause.SCOPE));
            } else if (now != null && !cn.duijie.account.Regions.covers(scope.regionCode(), now)) {
                rejected[i] = true;
                errors.add(new ImportReport.RowError(file.fileName(), rows.get(i).number(), String.join(",", file.keyColumns),
                        Messages.get("import.scope.other-region", rowKey(file, v), now, scope.regionCode()), ImportReport.Cause.SCOPE));
            }
        }
    }

    private Map<String, String> needPosterRegions(Set<String> needIds) {
        if (!needSink.isResolvable() || needIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> posters = needSink.get().posters(needIds);
        Map<String, String> firmRegions = writer.regionsOf(NodeKind.ENTERPRISE, new HashSet<>(posters.values()));
        Map<String, String> out = new HashMap<>();
        // a need whose poster is not (yet) in the graph is placed nowhere, and so belongs to no other region
        posters.forEach((id, firm) -> {
            if (firmRegions.containsKey(firm)) {
                out.put(id, firmRegions.get(firm));
            }
        });
        return out;
    }

    static String rowKey(ImportFile file, Map<String, Object> v) {
        if (file.keyColumns.size() == 1) {
            return String.valueOf(v.get(file.keyColumns.get(0)));
        }
        StringBuilder sb = new StringBuilder();
        for (String k : file.keyColumns) {
            sb.append(sb.isEmpty() ? "" : "\u0001").append(v.get(k));
        }
        return sb.toString();
    }

    /** Cypher parameters of one row: key, hash, scalar properties, and link columns as lists of keys. */
    static Map<String, Object> toParameters(ImportFile file, String rowKey, Map<String, Object> v) {
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, Object> links = new LinkedHashMap<>();
        Set<String> linkColumns = new HashSet<>();
        GraphWriter.LINKS.getOrDefault(file, List.of()).forEach(l -> linkColumns.add(l.column()));
        GraphWriter.Edge edge = GraphWriter.EDGES.get(file);
        for (Map.Entry<String, Object> e : v.entrySet()) {
            String col = e.getKey();
            if (edge != null && (col.equals(edge.fromColumn()) || col.equals(edge.toColumn()))) {
                continue;
            }
            if (linkColumns.contains(col)) {
                Object value = e.getValue();
                links.put(col, value instanceof List<?> ? value : value == null ? List.of() : List.of(value));
                if (value instanceof List<?>) {
                    continue;
                }
            }
            props.put(col, e.getValue());
        }
        if (file == ImportFile.ENTERPRISES) {
            props.put("duplicateKey", DuplicateFirms.key((String) v.get("name"), (String) v.get("regionCode")));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("rowKey", rowKey);
        p.put("hash", hash(v));
        p.put("props", props);
        p.put("links", links);
        if (edge != null) {
            p.put("a", v.get(edge.fromColumn()));
            p.put("b", v.get(edge.toColumn()));
        }
        return p;
    }

    static String hash(Map<String, Object> v) {
        StringBuilder sb = new StringBuilder();
        v.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue()).append('\u0001'));
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
