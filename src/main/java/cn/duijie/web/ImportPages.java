package cn.duijie.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.duijie.common.DomainException;
import cn.duijie.imports.ImportFile;
import cn.duijie.imports.ImportJobView;
import cn.duijie.imports.ImportReport;
import cn.duijie.imports.ImportService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** The bureau's import: upload Excel/CSV with a progress bar, then the job's counts and every rejected row's reason. */
@Path("/bureau/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    static final int ERRORS_PER_PAGE = 50;

    /** A job with one page of its rejected rows. */
    public record JobView(ImportJobView job, List<ImportReport.RowError> errors, int page, int pages, SortLinks sorts) {
        public boolean running() {
            return job.status().equals("QUEUED") || job.status().equals("RUNNING");
        }

        /** Whether the rows are counted, so the bar can say how far the job is. */
        public boolean measured() {
            return job.rowsTotal() > 0;
        }

        /** Whole percent of the rows done, for the bar's width. */
        public int percent() {
            return job.rowsTotal() == 0 ? 0 : (int) Math.min(100, (long) job.rowsDone() * 100 / job.rowsTotal());
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(Frame frame, List<String> files, FormErrors errors);

        static native TemplateInstance job(Frame frame, JobView view);

        static native TemplateInstance job$status(JobView view);
    }

    private final ImportService imports;
    private final WebSession session;

    ImportPages(ImportService imports, WebSession session) {
        this.imports = imports;
        this.session = session;
    }

    @GET
    public Uni<Response> upload() {
        return session.requireBureau().chain(user -> {
            return Pages.respond(Uni.createFrom().item(Templates.upload(Frame.of(Pages.text("web.imports.title"), "imports", user),
                    fileNames(), FormErrors.NONE)), user);
        });
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> submit(@RestForm(FileUpload.ALL) List<FileUpload> files, @HeaderParam("HX-Request") String htmx) {
        return session.requireBureau().chain(user -> {
            List<ImportService.Upload> uploads = new ArrayList<>();
            for (FileUpload f : files == null ? List.<FileUpload>of() : files) {
                if (f.fileName() == null || f.fileName().isBlank() || f.size() == 0 && f.fileName().isBlank()) {
                    continue;
                }
                uploads.add(new ImportService.Upload(f.fileName(), f.uploadedFile()));
            }
            if (uploads.isEmpty()) {
                return Templates.upload(Frame.of(Pages.text("web.imports.title"), "imports", user), fileNames(),
                                FormErrors.of(Pages.text("import.request.no-files"),
                                        List.of(new cn.duijie.common.Problem.FieldError("files", Pages.text("web.imports.choose")))))
                        .createUni().map(html -> Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
            }
            ImportService.Submitted submitted = imports.submit("web:" + user.username(), uploads, user.caller());
            return Uni.createFrom().completionStage(submitted.accepted()).map(job -> {
                URI to = URI.create("/bureau/imports/" + job.id());
                // htmx uploads follow with a full page load of the job
                return htmx != null ? Response.ok().header("HX-Redirect", to.toString()).build() : Response.seeOther(to).build();
            });
        });
    }

    @GET
    @Path("/{id}")
    public Uni<Response> job(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("sort") String sort, @HeaderParam("HX-Request") String htmx) {
        return session.requireBureau().chain(user -> {
            return Pages.respond(find(id, user.caller()).map(job -> {
                JobView view = view(job, ImportReport.RowSort.order(sort), page);
                return htmx != null ? Templates.job$status(view) : Templates.job(Frame.of(Pages.text("web.imports.job-title"), "imports", user), view);
            }), user);
        });
    }

    @GET
    @Path("/{id}/errors.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Uni<Response> errorsWorkbook(@PathParam("id") String id) {
        return session.requireBureau().chain(user -> {
            return find(id, user.caller()).map(job -> Response.ok(errorsXlsx(job))
                            .header("Content-Disposition", "attachment; filename=\"import-errors-" + job.id() + ".xlsx\"").build())
                    .onFailure(DomainException.class).recoverWithUni(e -> Pages.error((DomainException) e, user));
        });
    }

    private Uni<ImportJobView> find(String id, cn.duijie.account.Caller caller) {
        return Uni.createFrom().deferred(() -> {
            UUID uuid;
            try {
                uuid = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw DomainException.notFound(Pages.text("import.job.not-found", id));
            }
            return imports.find(uuid, caller);
        });
    }

    static JobView view(ImportJobView job, cn.duijie.common.SortParam.Order<ImportReport.RowSort> sort, int page) {
        List<ImportReport.RowError> all = sort.apply(sort.key().sorted(job.errors() == null ? List.of() : job.errors()));
        int pages = Math.max(1, (all.size() + ERRORS_PER_PAGE - 1) / ERRORS_PER_PAGE);
        int p = Math.min(Math.max(0, page), pages - 1);
        return new JobView(job, all.subList(p * ERRORS_PER_PAGE, Math.min(all.size(), (p + 1) * ERRORS_PER_PAGE)), p, pages,
                SortLinks.of("/bureau/imports/" + job.id(), sort));
    }

    static byte[] errorsXlsx(ImportJobView job) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Duijie", "1.0")) {
            Worksheet ws = wb.newWorksheet(Pages.text("web.imports.errors"));
            String[] header = {Pages.text("web.imports.file"), Pages.text("web.imports.row"), Pages.text("web.imports.column"),
                    Pages.text("web.imports.reason")};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (ImportReport.RowError e : job.errors() == null ? List.<ImportReport.RowError>of() : job.errors()) {
                ws.value(r, 0, e.file());
                ws.value(r, 1, e.row());
                ws.value(r, 2, e.column());
                ws.value(r, 3, e.reason());
                r++;
            }
            ws.width(0, 20);
            ws.width(3, 80);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<String> fileNames() {
        return java.util.Arrays.stream(ImportFile.values()).map(f -> f.fileName()).toList();
    }
}
