package cn.duijie.institution;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Page;
import io.smallrye.mutiny.Uni;

/** Browsing universities, institutes and labs and their achievements (产学研 supply side). */
@ApplicationScoped
public class InstitutionService {

    private final InstitutionRepository institutions;

    InstitutionService(InstitutionRepository institutions) {
        this.institutions = institutions;
    }

    public Uni<Page<InstitutionApi.Summary>> list(InstitutionApi.InstitutionFilter filter, int page, int size) {
        return institutions.list(new InstitutionApi.InstitutionFilter(filter.q(), filter.kind(), blankToNull(filter.region()),
                blankToNull(filter.technology())), page, size);
    }

    public Uni<InstitutionApi.Detail> get(String id) {
        return institutions.find(id)
                .map(found -> found.orElseThrow(() -> DomainException.notFound(Messages.get("institution.not-found", id))));
    }

    public Uni<Page<InstitutionApi.Achievement>> achievements(InstitutionApi.AchievementFilter filter, int page, int size) {
        return institutions.achievements(new InstitutionApi.AchievementFilter(filter.q(), blankToNull(filter.technology()),
                blankToNull(filter.institution()), filter.minTrl()), page, size);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
