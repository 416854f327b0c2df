package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A year an operator loads without a rebuild: a file in {@code icp.working-days.directory}, as the README says. */
@MicronautTest(transactional = false)
@Property(name = "icp.working-days.directory", value = "src/test/resources/working-days")
class WorkingDaysDirectoryApiTest extends ApiTestSupport {

    @Test
    void aYearFileInTheDirectoryIsOfficialData() {
        Map<String, Object> year = clients.get("/api/v1/working-days/2027", null).object();
        assertEquals("official", year.get("calendar"));
        assertTrue(((List<?>) year.get("holidays")).contains(Map.of("date", "2027-01-01", "name", "元旦")));
        assertTrue(((List<?>) year.get("makeUpWorkingDays")).contains(Map.of("date", "2027-02-07", "name", "春节调休")));
        Map<String, Object> deadline = clients.get("/api/v1/working-days/deadline?accepted=2026-12-31&days=1", null)
                .object();
        assertEquals("2027-01-04", deadline.get("deadline"), "1 to 3 January are off");
        assertEquals("official", deadline.get("calendar"));
    }
}
