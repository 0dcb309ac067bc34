package cn.duijie.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

import cn.duijie.common.Messages;

/**
 * Reads a CSV (UTF-8, RFC 4180) or XLSX (first sheet) file as rows of header-named cells. Row numbers are those a
 * person sees in Excel: the header is row 1, the first data row is row 2.
 */
final class TableReader {

    /** A whole file that cannot be read; no row of it is applied. */
    static final class FileRejected extends RuntimeException {
        FileRejected(String reason) {
            super(reason);
        }
    }

    record Row(int number, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    private final Path file;
    private final boolean xlsx;

    TableReader(Path file, String originalName) {
        this.file = file;
        this.xlsx = isXlsx(file, originalName);
    }

    static boolean isXlsx(Path file, String originalName) {
        if (originalName != null && originalName.toLowerCase().endsWith(".xlsx")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the encoding of a CSV file as a whole, so a GBK file is rejected before any of its rows is applied. */
    void checkEncoding() {
        if (xlsx) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            boolean gbk = decodes(bytes, Charset.forName("GB18030"));
            throw new FileRejected(Messages.get(gbk ? "import.file.gbk" : "import.file.not-utf8"));
        }
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Streams the rows to the consumer and returns the header. */
    List<String> read(Consumer<Row> rows) {
        return xlsx ? readXlsx(rows) : readCsv(rows);
    }

    private List<String> readCsv(Consumer<Row> rows) {
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
            int number = 1;
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                Iterator<CSVRecord> it = parser.iterator();
                if (!it.hasNext()) {
                    throw new FileRejected(Messages.get("import.file.empty"));
                }
                List<String> header = new ArrayList<>();
                it.next().forEach(h -> header.add(h.strip()));
                while (it.hasNext()) {
                    CSVRecord rec = it.next();
                    number = (int) rec.getRecordNumber();
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (int i = 0; i < header.size() && i < rec.size(); i++) {
                        cells.put(header.get(i), rec.get(i));
                    }
                    rows.accept(new Row(number, cells));
                }
                return header;
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new FileRejected(Messages.get("import.file.bad-csv", Messages.get("import.file.after-row", number)));
            }
        } catch (IOException e) {
            // the parser's own text names its classes (org.apache.commons.csv.CSVException): say where, not what threw
            throw new FileRejected(Messages.get("import.file.bad-csv", ""));
        }
    }

    private List<String> readXlsx(Consumer<Row> rows) {
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet sheet = wb.getFirstSheet();
            List<String> header = new ArrayList<>();
            try (var stream = sheet.openStream()) {
                Iterator<org.dhatim.fastexcel.reader.Row> it = stream.iterator();
                if (!it.hasNext()) {
                    throw new FileRejected(Messages.get("import.file.empty"));
                }
                org.dhatim.fastexcel.reader.Row head = it.next();
                for (int i = 0; i < head.getCellCount(); i++) {
                    header.add(text(head.getCell(i)).strip());
                }
                while (it.hasNext()) {
                    org.dhatim.fastexcel.reader.Row r = it.next();
                    Map<String, String> cells = new LinkedHashMap<>();
                    boolean empty = true;
                    for (int i = 0; i < header.size() && i < r.getCellCount(); i++) {
                        String v = text(r.getCell(i));
                        empty &= v.isBlank();
                        cells.put(header.get(i), v);
                    }
                    if (!empty) {
                        rows.accept(new Row(r.getRowNum(), cells));
                    }
                }
            }
            return header;
        } catch (FileRejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileRejected(Messages.get("import.file.bad-xlsx"));
        }
    }

    /** Cell text as a person typed it: numbers without float noise, booleans as true/false. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> {
                BigDecimal n = cell.asNumber();
                yield n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case EMPTY -> "";
            default -> cell.getRawValue() == null ? "" : cell.getText();
        };
    }
}
