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

    ImportEngine(Driver driver, Instance<NeedRowSink> needSink) {
        this.writer = new GraphWriter(driver);
        this.needSink = needSink;
    }

    public ImportReport run(List<Source> sources) {
        ImportReport report = new ImportReport();
        Map<ImportFile, Source> byKind = new EnumMap<>(ImportFile.class);
        for (Source s : sources) {
            var kind = ImportFile.forName(s.name());
            if (kind.isEmpty()) {
                report.errors.add(new ImportReport.RowError(s.name(), 0, null, Messages.get("import.file.unknown", s.name(),
                        String.join(", ", java.util.Arrays.stream(ImportFile.values()).map(ImportFile::fileName).toList()))));
            } else if (byKind.putIfAbsent(kind.get(), s) != null) {
                report.errors.add(new ImportReport.RowError(s.name(), 0, null, Messages.get("import.file.duplicate-part", s.name())));
            }
        }
        Map<NodeKind, Set<String>> keys = new EnumMap<>(NodeKind.class);
        for (Map.Entry<ImportFile, Source> e : byKind.entrySet()) {
            long start = System.nanoTime();
            applyFile(e.getKey(), e.getValue(), keys, report);
            LOG.infof("Imported %s in %d ms", e.getKey().fileName(), (System.nanoTime() - start) / 1_000_000);
        }
        return report;
    }

    private void applyFile(ImportFile file, Source source, Map<NodeKind, Set<String>> keys, ImportReport report) {
        String fileName = file.fileName();
        TableReader reader = new TableReader(source.path(), source.name());
        List<TableReader.Row> raw = new ArrayList<>();
        List<String> header;
        try {
            reader.checkEncoding();
            header = reader.read(raw::add);
        } catch (TableReader.FileRejected rejected) {
            report.errors.add(new ImportReport.RowError(fileName, 0, null, rejected.getMessage()));
            report.files.add(new ImportReport.FileCounts(fileName, 0, 0, 0, 0));
            return;
        }
        applyRows(file, header, raw, keys, report);
    }

    /** Validates and applies rows given as header-named cells (an API body, or a file already read). */
    void applyRows(ImportFile file, List<String> header, List<TableReader.Row> raw, Map<NodeKind, Set<String>> keys, ImportReport report) {
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
                    Messages.get("import.file.missing-columns", String.join(", ", missing))));
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

        // 3. hash each good row, compare with what the graph holds, write what changed
        List<Map<String, Object>> good = new ArrayList<>();
        List<String> goodKeys = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!rejected[i]) {
                good.add(values.get(i));
                goodKeys.add(rowKey(file, values.get(i)));
            }
        }
        if (file == ImportFile.ENTERPRISES) {
            report.duplicates.addAll(DuplicateFirms.find(good, writer.enterpriseNames()));
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
            writer.write(file, toCreate, toUpdate, present);
        }
        if (file.creates != null) {
            keys.computeIfAbsent(file.creates, writer::keys).addAll(goodKeys);
        }
        report.files.add(new ImportReport.FileCounts(fileName, created, updated, unchanged, raw.size() - good.size()));
    }

    /** Applies one row outside an import job (e.g. PUT /enterprises/{creditCode}); blocking. */
    public ImportReport applyOne(ImportFile file, Map<String, String> cells) {
        ImportReport report = new ImportReport();
        applyRows(file, List.copyOf(cells.keySet()), List.of(new TableReader.Row(2, cells)), new EnumMap<>(NodeKind.class), report);
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
                            Messages.get("import.row.unknown-ref", c.ref().noun(), k));
                }
            }
        }
        return null;
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
