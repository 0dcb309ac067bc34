package cn.duijie.cultivation;

import java.time.LocalDate;
import java.util.Optional;

/** The national measures a firm is held against: the 2022 interim measures or the 2026 measures. */
public enum Regime {
    P2022("工信部企业〔2022〕63号《优质中小企业梯度培育管理暂行办法》"),
    N2026("工信部企业〔2026〕2号《优质中小企业梯度培育管理办法》");

    /** 2号文 is in force from this day. */
    public static final LocalDate N2026_IN_FORCE = LocalDate.of(2026, 4, 1);

    public final String document;

    Regime(String document) {
        this.document = document;
    }

    public static Regime on(LocalDate day, LocalDate newRegimeFrom) {
        return day.isBefore(newRegimeFrom) ? P2022 : N2026;
    }

    /** "2022", "63", "P2022" name the old regime; "2026", "2", "N2026" the new one. */
    public static Optional<Regime> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase()) {
            case "P2022", "2022", "63" -> Optional.of(P2022);
            case "N2026", "2026", "2" -> Optional.of(N2026);
            default -> Optional.empty();
        };
    }
}
