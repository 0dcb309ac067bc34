package cn.duijie.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.duijie.common.Messages;
import cn.duijie.common.Problem;
import cn.duijie.need.NeedApi;

/** What the need form sent, as typed (so a refused form shows it again), and its conversion to the API's NewNeed. */
public record NeedForm(String kind, String title, String description, List<String> productCodes, List<String> productLabels,
                       List<String> technologyCodes, List<String> technologyLabels, String quantity, String certifications,
                       String maxDistanceKm, String amountWan, String stage, String instrument) {

    static NeedForm empty(String kind) {
        return new NeedForm(kind, "", "", List.of(), List.of(), List.of(), List.of(), "", "", "", "", "", "");
    }

    /** A code the picker put in the form, with the name shown for it. */
    public record Chosen(String code, String label) {
    }

    /** TECH needs pick technologies, the others products. */
    public String pickField() {
        return "TECH".equals(kind) ? "technologyCodes" : "productCodes";
    }

    public String pickLabelField() {
        return "TECH".equals(kind) ? "technologyLabels" : "productLabels";
    }

    /** Chosen codes with their labels, for the picker's "已选" list. */
    public List<Chosen> chosen() {
        List<String> codes = "TECH".equals(kind) ? technologyCodes : productCodes;
        List<String> labels = "TECH".equals(kind) ? technologyLabels : productLabels;
        List<Chosen> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            out.add(new Chosen(codes.get(i), i < labels.size() ? labels.get(i) : codes.get(i)));
        }
        return out;
    }

    /** The request the API would receive; numbers that are not numbers are reported like the API's field errors. */
    NeedApi.NewNeed toRequest(String postedBy, List<Problem.FieldError> errors) {
        cn.duijie.domain.NeedKind k;
        try {
            k = cn.duijie.domain.NeedKind.valueOf(kind);
        } catch (RuntimeException e) {
            errors.add(new Problem.FieldError("kind", Messages.get("enum.allowed", kind, "SUPPLY / TECH / FINANCE")));
            k = null;
        }
        Long qty = parse(quantity, "quantity", errors, Long::valueOf);
        Double km = parse(maxDistanceKm, "maxDistanceKm", errors, Double::valueOf);
        BigDecimal amount = parse(amountWan, "amountWan", errors, BigDecimal::new);
        List<String> certs = certifications == null || certifications.isBlank() ? List.of()
                : Arrays.stream(certifications.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
        return new NeedApi.NewNeed(null, k, postedBy, title, blank(description), productCodes, technologyCodes, qty, certs, km,
                amount, parseEnum(stage, "stage", cn.duijie.domain.FundStage.class, errors),
                parseEnum(instrument, "instrument", cn.duijie.domain.Instrument.class, errors), null, null, null);
    }

    private static <T> T parse(String text, String field, List<Problem.FieldError> errors, java.util.function.Function<String, T> f) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return f.apply(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, Messages.get("web.form.number", text)));
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(String text, String field, Class<E> type, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, Messages.get("enum.allowed", text,
                    String.join(" / ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()))));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
