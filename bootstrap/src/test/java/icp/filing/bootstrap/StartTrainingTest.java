package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training's throwaway database wipes and removes only a folder a training made: handed a folder that holds
 * something else under that name, it refuses and leaves it alone. (The training itself runs in every build, after
 * packaging: bootstrap/pom.xml.)
 */
class StartTrainingTest {
    @TempDir
    Path parent;

    @Test
    void aFolderTheTrainingDidNotMakeIsLeftAlone() throws Exception {
        Path foreign = Files.createDirectories(parent.resolve("icp-start-training"));
        Path precious = Files.writeString(foreign.resolve("precious.txt"), "an operator's file");

        assertEquals(1, StartTraining.run(parent), "refused");

        assertTrue(Files.exists(precious), "nothing removed");
        assertEquals("an operator's file", Files.readString(precious));
    }
}
