package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.Application;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 20 working days over HTTP: the public calendar, and the bureau's deadlines, moved across the Spring Festival. */
@MicronautTest(transactional = false)
@Property(name = "icp.test.movable-clock", value = "true")
class WorkingDaysApiTest extends ApiTestSupport {
    @Inject
    MovableClock clock;

    @Test
    void theDeadlineAcrossTheSpringFestivalIsPublicAndCacheable() {
        ApiClients.Response response = clients.get("/api/v1/working-days/deadline?accepted=2026-02-10&days=20", null);
        assertEquals(200, response.status(), response.body());
        assertEquals(Map.of("accepted", "2026-02-10", "workingDays", 20, "deadline", "2026-03-16",
                "calendar", "official"), response.object());
        assertTrue(response.header("Cache-Control").contains("public"), response.header("Cache-Control"));

        assertEquals("weekdays-only", clients.get("/api/v1/working-days/deadline?accepted=2027-01-04&days=5", null)
                .object().get("calendar"));
    }

    @Test
    void aYearListsItsHolidaysAndMakeUpDays() {
        Map<String, Object> year = clients.get("/api/v1/working-days/2026", null).object();
        assertEquals("official", year.get("calendar"));
        assertTrue(((List<?>) year.get("holidays")).contains(Map.of("date", "2026-02-16", "name", "春节")));
        assertTrue(((List<?>) year.get("makeUpWorkingDays")).contains(Map.of("date", "2026-02-14", "name",
                "春节调休")));
        assertEquals("weekdays-only", clients.get("/api/v1/working-days/2031", null).object().get("calendar"));
    }

    @Test
    void badParametersAreNamed() {
        ApiClients.Response bad = clients.get("/api/v1/working-days/deadline?accepted=2026-13-01&days=-1", null);
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("\"accepted\"") && bad.body().contains("\"days\"")
                && bad.body().contains("INVALID_DATE"), bad.body());
        assertEquals(400, clients.get("/api/v1/working-days/99999", null).status());
    }

    @Test
    void theQueueShowsDeadlinesAndListsTheOverdue() {
        clock.set(Instant.parse("2026-02-10T02:00:00Z"));
        Application submitted = submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".cn"));
        Map<String, Object> item = queueItem(submitted.getId(), false);
        assertEquals("2026-03-16", item.get("deadline"));
        assertEquals(20, item.get("workingDaysLeft"));
        assertEquals(false, item.get("overdue"));
        assertEquals(null, queueItem(submitted.getId(), true), "not overdue yet");

        clock.set(Instant.parse("2026-03-16T15:00:00Z"));  // 23:00 on the deadline in Beijing
        assertEquals(0, queueItem(submitted.getId(), false).get("workingDaysLeft"));
        assertEquals(null, queueItem(submitted.getId(), true));

        clock.set(Instant.parse("2026-03-16T16:30:00Z"));  // 00:30 the day after, in Beijing
        Map<String, Object> late = queueItem(submitted.getId(), true);
        assertEquals(-1, late.get("workingDaysLeft"));
        assertEquals(true, late.get("overdue"));
        Map<String, Object> detail = clients.get("/api/v1/bureau/applications/" + submitted.getId(), "bj-reviewer")
                .object();
        assertEquals("2026-03-16", detail.get("deadline"));
        assertEquals(true, detail.get("overdue"));
    }

    @Test
    void theOverdueListHoldsExactlyTheItemsFlaggedOverdueAcrossAYearWithoutData() {
        clock.set(Instant.parse("2026-12-15T15:59:59Z")); // 23:59:59 in Beijing: the queue day is China's
        Application submitted = submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".cn"));
        Map<String, Object> item = queueItem(submitted.getId(), false);
        assertEquals("weekdays-only", item.get("calendar"), "2027 has no official data: the deadline is provisional");
        java.time.LocalDate deadline = java.time.LocalDate.parse((String) item.get("deadline"));
        Instant lastMinute = deadline.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        for (Instant now : List.of(lastMinute.minusSeconds(3600), lastMinute.minusMillis(1), lastMinute,
                lastMinute.plusSeconds(3600), lastMinute.plus(java.time.Duration.ofDays(40)))) {
            clock.set(now);
            Map<String, Object> line = queueItem(submitted.getId(), false);
            boolean listed = queueItem(submitted.getId(), true) != null;
            assertEquals(line.get("overdue"), listed, "at " + now + " the flag and the overdue list agree");
            assertEquals(!now.isBefore(lastMinute), listed, "overdue from the first instant after the deadline");
        }
    }

    @Test
    void theProviderSeesTheDeadlineAndWhetherItIsProvisional() {
        clock.set(Instant.parse("2026-12-15T02:00:00Z"));
        Application submitted = submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".cn"));
        Map<String, Object> item = queueItem(submitted.getId(), false);
        var provider = clients.provider(ApiClients.DEMO_KEY);
        icp.filing.proto.provider.v1.ReviewDeadline deadline = provider.getApplication(
                icp.filing.proto.provider.v1.GetApplicationRequest.newBuilder().setApplicationId(submitted.getId())
                        .build()).getApplication().getReviewDeadline();
        assertEquals(item.get("deadline"), deadline.getDate(), "the bureau's deadline, as the bureau sees it");
        assertEquals(item.get("workingDaysLeft"), deadline.getWorkingDaysLeft());
        assertEquals(icp.filing.proto.provider.v1.ReviewCalendar.REVIEW_CALENDAR_WEEKDAYS_ONLY, deadline.getCalendar(),
                "2027 has no official data: provisional");

        RecordingSmsCentre.settle(context, icp.filing.application.port.OutboxMessage.Channel.PROVIDER_RESULT);
        icp.filing.proto.provider.v1.ResultEvent inReview = null;
        String cursor = "";
        for (int page = 0; page < 100 && inReview == null; page++) {
            var events = provider.listResults(icp.filing.proto.provider.v1.ListResultsRequest.newBuilder()
                    .setAfterCursor(cursor).setPageSize(100).build());
            inReview = events.getEventsList().stream().filter(e -> e.getApplicationId().equals(submitted.getId())
                    && e.getKind() == icp.filing.proto.provider.v1.ResultKind.RESULT_KIND_IN_REVIEW)
                    .findFirst().orElse(null);
            cursor = events.getNextCursor();
        }
        assertTrue(inReview != null, "the IN_REVIEW event");
        assertEquals(deadline, inReview.getReviewDeadline(), "the stream says it when the review starts");

        clock.set(Instant.parse("2026-02-10T02:00:00Z"));
        Application official = submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".cn"));
        icp.filing.proto.provider.v1.ReviewDeadline springFestival = provider.getApplication(
                icp.filing.proto.provider.v1.GetApplicationRequest.newBuilder().setApplicationId(official.getId())
                        .build()).getApplication().getReviewDeadline();
        assertEquals("2026-03-16", springFestival.getDate());
        assertEquals(icp.filing.proto.provider.v1.ReviewCalendar.REVIEW_CALENDAR_OFFICIAL, springFestival.getCalendar());
        approve(official.getId());
        assertTrue(!provider.getApplication(icp.filing.proto.provider.v1.GetApplicationRequest.newBuilder()
                .setApplicationId(official.getId()).build()).getApplication().hasReviewDeadline(),
                "no deadline once decided");
    }

    /**
     * The suite shares one database: what these tests wrote at late clock times is delivered now, so that no other
     * test, on an earlier clock, waits for entries not yet due on it.
     */
    @org.junit.jupiter.api.AfterEach
    void deliverWhatIsLeft() {
        clock.set(Instant.parse("2028-01-01T00:00:00Z"));
        for (var channel : icp.filing.application.port.OutboxMessage.Channel.values()) {
            RecordingSmsCentre.settle(context, channel);
        }
    }

    /** The application's line in the Beijing queue, or in its overdue list; null when it is not there. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> queueItem(String id, boolean overdue) {
        ApiClients.Response response = clients.get("/api/v1/bureau/applications?size=100" + (overdue
                ? "&overdue=true" : ""), "bj-reviewer");
        assertEquals(200, response.status(), response.body());
        return ((List<Map<String, Object>>) response.object().get("items")).stream()
                .filter(i -> id.equals(i.get("id"))).findFirst().orElse(null);
    }
}
