package icp.filing.bootstrap.register;

import icp.filing.adapters.ministry.RegisterFiles;
import icp.filing.application.port.NationalFiling;
import icp.filing.application.usecase.ImportRegister;
import io.micronaut.context.ApplicationContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code generate --services N --out FILE}: writes a synthetic register in the bulk-import format.
 * {@code import-register FILE [--batch N]}: imports such a file into the national register of the configured
 * database, resuming where an earlier run on the same file stopped.
 */
public final class RegisterTools {
    private RegisterTools() {
    }

    /** @return the process exit code: 0 done, 2 bad usage */
    public static int run(String[] args, PrintStream out) throws IOException {
        if (args.length >= 1 && args[0].equals("generate")) {
            long services = Long.parseLong(option(args, "--services", "10000"));
            Path file = Path.of(option(args, "--out", "register.pb"));
            long subjects = generate(file, services, Long.parseLong(option(args, "--seed", "1")));
            out.printf("%d subjects with %d services written to %s (%d bytes)%n", subjects, services, file,
                    Files.size(file));
            return 0;
        }
        if (args.length >= 2 && args[0].equals("import-register")) {
            Path file = Path.of(args[1]).toAbsolutePath();
            try (ApplicationContext context = ApplicationContext.run()) {
                long started = System.nanoTime();
                ImportRegister.Imported imported = importFile(context, file,
                        Integer.parseInt(option(args, "--batch", "1000")), 0);
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf("%d filings imported in %.1f s (%.0f/s), %d skipped as imported before%n",
                        imported.imported(), seconds, imported.imported() / seconds, imported.skipped());
            }
            return 0;
        }
        out.println("usage: generate --services N [--out FILE] [--seed S] | import-register FILE [--batch N]");
        return 2;
    }

    /** Writes subjects until the services reach the count; returns the subjects written. */
    public static long generate(Path file, long services, long seed) throws IOException {
        return generate(file, services, seed, 0);
    }

    /**
     * As {@link #generate(Path, long, long)}, the subjects numbered from {@code firstIndex}: registers generated from
     * indices far apart share no number, domain or credit code (a subject's index is in each of them). Below
     * 300,000,000, so that a number's serial keeps its six digits.
     */
    public static long generate(Path file, long services, long seed, long firstIndex) throws IOException {
        SyntheticRegister register = new SyntheticRegister(seed);
        long written = 0;
        long subjects = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            while (written < services) {
                NationalFiling filing = register.filing(firstIndex + subjects++);
                RegisterFiles.write(out, filing);
                written += filing.services().size();
            }
        }
        return subjects;
    }

    /** The source's key is its path and size: the same file resumes, a changed one starts afresh. */
    public static ImportRegister.Imported importFile(ApplicationContext context, Path file, int batch, int maxBatches)
            throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            String source = file.toAbsolutePath() + ":" + Files.size(file);
            return context.getBean(ImportRegister.class).run(source, RegisterFiles.read(in), batch, maxBatches);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
