package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The start-up line an operator reads to learn which years' deadlines rest on official data. */
class WorkingDaysReportTest {

    @Test
    void saysWhichYearsHaveOfficialDataAndWhereFromAndWhichComingYearsDoNot() {
        Logger logger = (Logger) LoggerFactory.getLogger(WorkingDaysReport.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            new WorkingDaysReport("src/test/resources/working-days").report(null);
        } finally {
            logger.detachAppender(lines);
        }
        assertEquals(1, lines.list.size());
        String line = lines.list.get(0).getFormattedMessage();
        assertTrue(line.contains("2026 (shipped)"), line);
        assertTrue(line.contains("2027 (src/test/resources/working-days/2027.tsv)"), line);
        int nextWithout = Math.max(2028, LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        assertTrue(line.substring(line.indexOf("provisional")).contains(String.valueOf(nextWithout)), line);
    }
}
