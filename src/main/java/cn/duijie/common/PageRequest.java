package cn.duijie.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The shared paging query parameters of every list ({@code @Valid @BeanParam PageRequest paging}): page from 0, size 1..100. */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "{paging.page}")
    @Parameter(description = "页码，从 0 开始")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "{paging.size}")
    @Max(value = MAX_SIZE, message = "{paging.size}")
    @Parameter(description = "每页条数，1 到 100")
    public int size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }
}
