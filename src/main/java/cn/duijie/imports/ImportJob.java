package cn.duijie.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One import: its status and, once done, the report as JSON text. Stored by {@link ImportJobRepository}. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    public UUID id;
    public String status;
    public String source;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    public String failure;
    public String files;
    public String errors;
    public String duplicates;
    /** JSON list of ImportReport.ProvisionedAccount. */
    public String accounts;
    /** The account that submitted it; null for the seed and the command line. */
    public String owner;
    /** The region a bureau clerk's import was limited to; null when unrestricted. */
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "error_count")
    public int errorCount;
    /** Rows of all the job's files, once counted; 0 before. */
    @Column(name = "rows_total")
    public int rowsTotal;
    /** Rows done so far (rejected, unchanged or written). */
    @Column(name = "rows_done")
    public int rowsDone;
}
