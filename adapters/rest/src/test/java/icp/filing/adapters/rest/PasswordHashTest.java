package icp.filing.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    /** The decoy an unknown user name is checked against: today's work factor, well-formed, matching nothing. */
    @Test
    void theDecoyCostsWhatARealHashCostsAndMatchesNothing() {
        String decoy = PasswordHash.decoy();
        String real = PasswordHash.hash("correct horse");
        assertFalse(PasswordHash.isWeak(decoy), decoy);
        String[] d = decoy.split(":");
        String[] r = real.split(":");
        assertEquals(r[0] + ":" + r[1], d[0] + ":" + d[1], "same scheme and iterations");
        assertEquals(r[2].length(), d[2].length());
        assertEquals(r[3].length(), d[3].length());
        assertNotEquals(decoy, PasswordHash.decoy());
        assertFalse(PasswordHash.matches("", decoy));
        assertFalse(PasswordHash.matches("correct horse", decoy));
        assertTrue(PasswordHash.matches("correct horse", real));
    }
}
