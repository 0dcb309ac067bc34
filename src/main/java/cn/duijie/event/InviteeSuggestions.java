package cn.duijie.event;

import static cn.duijie.event.EventService.local;

import cn.duijie.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.common.Problem;
import cn.duijie.common.Actor;
import cn.duijie.event.EventApi.Candidate;
import cn.duijie.event.EventApi.CreateEvent;
import cn.duijie.event.EventApi.EventView;
import cn.duijie.event.EventApi.Invitee;
import cn.duijie.event.EventApi.MeetingRequestInput;
import cn.duijie.event.EventApi.MeetingRequestList;
import cn.duijie.event.EventApi.MeetingRequestView;
import cn.duijie.event.EventApi.OutcomeInput;
import cn.duijie.event.EventApi.OutcomeSummary;
import cn.duijie.event.EventApi.OutcomeView;
import cn.duijie.event.EventApi.ParticipantInput;
import cn.duijie.event.EventApi.ParticipantList;
import cn.duijie.event.EventApi.ParticipantUpdate;
import cn.duijie.event.EventApi.ParticipantView;
import cn.duijie.event.EventApi.Reason;
import cn.duijie.event.EventApi.Slot;
import cn.duijie.event.EventApi.SuggestedInvitees;
import cn.duijie.event.EventApi.TimeRange;
import cn.duijie.event.EventEnums.EventKind;
import cn.duijie.event.EventEnums.OutcomeKind;
import cn.duijie.event.EventEnums.ParticipantRole;
import cn.duijie.event.EventEnums.ParticipantStatus;
import cn.duijie.domain.PartyType;
import cn.duijie.event.EventEnums.RequestStatus;
import cn.duijie.event.EventEnums.ScheduleStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Who to invite to an event: hosts (leaders, funds, labs of the theme chain) and guests (firms feeding them), ranked with reasons; weights in duijie.events.invitees. */
@ApplicationScoped
public class InviteeSuggestions {

    private final EventGraphRepository graph;
    private final EventConfig config;
    private final EventRepository events;
    private final ParticipantRepository participants;

    InviteeSuggestions(EventGraphRepository graph, EventConfig config, EventRepository events,
                       ParticipantRepository participants) {
        this.graph = graph;
        this.config = config;
        this.events = events;
        this.participants = participants;
    }

    // ---- suggested invitees -----------------------------------------------------------------------------------

    public Uni<SuggestedInvitees> suggestedInvitees(UUID eventId, int limit) {
        return Panache.withSession(() -> events.existing(eventId).flatMap(e -> participants.participantsOf(eventId)
                        .map(ps -> Map.entry(e, ps))))
                .flatMap(pair -> {
                    EventEntity e = pair.getKey();
                    Set<String> invited = new HashSet<>();
                    pair.getValue().forEach(p -> invited.add(p.partyType + ":" + p.partyKey));
                    return graph.region(e.regionCode).flatMap(region -> {
                        String localCode = region.map(EventGraphRepository.RegionInfo::localCode).orElse(e.regionCode);
                        return graph.suggestedHosts(e.chainId).flatMap(hosts -> graph.suggestedGuests(e.chainId, localCode)
                                .map(guests -> new SuggestedInvitees(eventId,
                                        rankHosts(e, hosts, invited, limit), rankGuests(guests, invited, limit))));
                    });
                });
    }

    private List<Invitee> rankHosts(EventEntity e, List<Value> hits, Set<String> invited, int limit) {
        EventConfig.Invitees w = config.invitees();
        List<Invitee> out = new ArrayList<>();
        for (Value h : hits) {
            String kind = h.get("kind").asString();
            PartyType type = PartyType.valueOf(h.get("type").asString());
            List<Reason> reasons = new ArrayList<>();
            double base = hostBase(w, e.kind, kind);
            double score = base;
            switch (kind) {
                case "LEADER" -> {
                    reasons.add(new Reason("CHAIN_LEADER", Messages.get("invitee.leader", e.chainId), base));
                    long needs = h.get("openNeeds").asLong();
                    if (needs > 0) {
                        double add = Math.min(needs, 5) * w.perOpenNeed();
                        reasons.add(new Reason("OPEN_SUPPLY_NEEDS", Messages.get("invitee.open-needs", needs), round(add)));
                        score += add;
                    }
                    long employees = h.get("employees").asLong();
                    if (employees > 0) {
                        double add = Math.min(w.maxSize(), Math.log10(employees + 1) / 40);
                        reasons.add(new Reason("SIZE", Messages.get("invitee.size", employees), round(add)));
                        score += add;
                    }
                }
                case "FUND" -> {
                    if (h.get("chainFocus").asBoolean()) {
                        reasons.add(new Reason("FUND_CHAIN_FOCUS", Messages.get("invitee.fund-chain", e.chainId), base));
                        score += w.fundChainFocus();
                    }
                    long segments = h.get("segmentFocus").asLong();
                    if (segments > 0) {
                        double add = Math.min(segments, 3) * w.perFocusedSegment();
                        reasons.add(new Reason("FUND_SEGMENT_FOCUS", Messages.get("invitee.fund-segment", segments), round(add)));
                        score += add;
                    }
                }
                default -> {
                    long techs = h.get("expertTechs").asLong();
                    double add = Math.min(techs, 5) * w.perExpertTechnology();
                    reasons.add(new Reason("INSTITUTION_EXPERTISE", Messages.get("invitee.institution", techs), round(base + add)));
                    score += add;
                }
            }
            String id = h.get("id").asString();
            out.add(new Invitee(new Candidate(type, id, h.get("name").asString(id), h.get("regionCode").asString(null),
                    h.get("tier").asString(null)), ParticipantRole.HOST, round(Math.min(1, score)), reasons,
                    invited.contains(type + ":" + id)));
        }
        out.sort(Comparator.comparingDouble(Invitee::score).reversed().thenComparing(i -> i.candidate().id()));
        return out.stream().limit(limit).toList();
    }

    private static double hostBase(EventConfig.Invitees w, EventKind eventKind, String hostKind) {
        return switch (eventKind) {
            case SUPPLY_FAIR -> switch (hostKind) {
                case "LEADER" -> w.supplyFairLeader(); case "FUND" -> w.supplyFairFund(); default -> w.supplyFairInstitution(); };
            case TECH_FAIR -> switch (hostKind) {
                case "LEADER" -> w.techFairLeader(); case "FUND" -> w.techFairFund(); default -> w.techFairInstitution(); };
            case ROADSHOW -> switch (hostKind) {
                case "LEADER" -> w.roadshowLeader(); case "FUND" -> w.roadshowFund(); default -> w.roadshowInstitution(); };
        };
    }

    private List<Invitee> rankGuests(List<Value> hits, Set<String> invited, int limit) {
        EventConfig.Invitees w = config.invitees();
        record Ranked(Invitee invitee, boolean local, int tier, long wanted) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Value g : hits) {
            List<Reason> reasons = new ArrayList<>();
            List<String> feeds = g.get("feedSegments").asList(Value::asString);
            List<String> hostSegs = g.get("hostSegments").asList(Value::asString);
            double score = w.guestFeedsHost();
            reasons.add(new Reason("FEEDS_HOST_SEGMENT",
                    Messages.get("invitee.feeds", String.join("、", feeds), String.join("、", hostSegs)), round(score)));
            long wanted = g.get("wantedNeeds").asLong();
            if (wanted > 0) {
                double add = Math.min(wanted, 3) * w.perWantedNeed();
                reasons.add(new Reason("MAKES_WANTED_PRODUCT", Messages.get("invitee.wanted", wanted), round(add)));
                score += add;
            }
            boolean local = g.get("local").asBoolean();
            if (local) {
                reasons.add(new Reason("LOCAL", Messages.get("invitee.local"), round(w.local())));
                score += w.local();
            }
            Tier tier = Tier.of(g.get("tier").asString(null));
            int tierRank = tier.rank();
            if (tierRank > 0) {
                double add = tierRank * w.perTierRank();
                reasons.add(new Reason("TIER", Messages.get("invitee.tier", tier.label()), round(add)));
                score += add;
            }
            String id = g.get("id").asString();
            ranked.add(new Ranked(new Invitee(new Candidate(PartyType.ENTERPRISE, id, g.get("name").asString(id),
                    g.get("regionCode").asString(null), tier.name()), ParticipantRole.GUEST, round(Math.min(1, score)), reasons,
                    invited.contains("ENTERPRISE:" + id)), local, tierRank, wanted));
        }
        // local firms first, then higher tier, then more of the hosts' needs served
        ranked.sort(Comparator.comparing(Ranked::local).reversed()
                .thenComparing(Comparator.comparingInt(Ranked::tier).reversed())
                .thenComparing(Comparator.comparingLong(Ranked::wanted).reversed())
                .thenComparing(r -> r.invitee().candidate().id()));
        return ranked.stream().limit(limit).map(Ranked::invitee).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

}
