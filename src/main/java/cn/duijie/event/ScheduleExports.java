package cn.duijie.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import cn.duijie.common.Messages;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** iCalendar per participant (ical4j) and the staff workbook (FastExcel). */
final class ScheduleExports {
    private ScheduleExports() {
    }

    static byte[] ics(EventEntity e, ParticipantEntity who, List<MeetingEntity> meetings, Map<UUID, ParticipantEntity> ps) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Duijie//Events 1.0//ZH"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(new CalScale(CalScale.VALUE_GREGORIAN));
        cal.add(TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(EventService.ZONE.getId()).getVTimeZone());
        meetings.stream().filter(m -> m.involves(who.id)).sorted(Comparator.comparingInt(m -> m.slot)).forEach(m -> {
            ParticipantEntity other = ps.get(m.other(who.id));
            var start = EventService.local(e, e.startTime.plusMinutes((long) m.slot * e.slotMinutes));
            VEvent ev = new VEvent(start, start.plusMinutes(e.slotMinutes), Messages.get("ics.summary", other.partyName));
            ev.add(new Uid(m.id + "@duijie"));
            ev.add(new Location(Messages.get("ics.location", e.venue, m.tableNo)));
            ev.add(new Description(Messages.get("ics.description", e.title, other.partyName, m.slot, m.tableNo)));
            cal.add(ev);
        });
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(cal, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(EventEntity e, List<MeetingEntity> meetings, Map<UUID, ParticipantEntity> ps) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "Duijie", "1.0");
            Worksheet bySlot = wb.newWorksheet(Messages.get("export.sheet.by-slot"));
            write(bySlot, e, meetings.stream().sorted(Comparator.comparingInt((MeetingEntity m) -> m.slot)
                    .thenComparingInt(m -> m.tableNo)).toList(), ps);
            Worksheet byTable = wb.newWorksheet(Messages.get("export.sheet.by-table"));
            write(byTable, e, meetings.stream().sorted(Comparator.comparingInt((MeetingEntity m) -> m.tableNo)
                    .thenComparingInt(m -> m.slot)).toList(), ps);
            wb.finish();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private static void write(Worksheet ws, EventEntity e, List<MeetingEntity> rows, Map<UUID, ParticipantEntity> ps) {
        String[] header = Messages.get("export.header").split("\\|");
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
            ws.style(0, c).bold().set();
        }
        int r = 1;
        for (MeetingEntity m : rows) {
            ws.value(r, 0, m.slot);
            ws.value(r, 1, EventService.slot(e, m.slot).label());
            ws.value(r, 2, m.tableNo);
            ws.value(r, 3, ps.get(m.participantA).partyName);
            ws.value(r, 4, ps.get(m.participantB).partyName);
            ws.value(r, 5, m.status.name());
            ws.value(r, 6, Messages.get(m.mutual ? "export.yes" : "export.no"));
            r++;
        }
    }
}
