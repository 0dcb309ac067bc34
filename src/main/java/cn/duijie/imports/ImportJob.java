package cn.duijie.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One import: its status and, once done, the report as JSON text. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

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
    /** The account that submitted it; null for the seed and the command line. */
    public String owner;
    /** The region a bureau clerk's import was limited to; null when unrestricted. */
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "error_count")
    public int errorCount;
}
