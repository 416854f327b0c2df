package icp.filing.bootstrap;

import io.micronaut.runtime.Micronaut;

/** Starts the filing system: gRPC for providers, REST for bureaus and the public, MariaDB underneath. */
public final class IcpFilingApplication {
    private IcpFilingApplication() {
    }

    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals("hash-password")) {
            // prints a value for icp.bureau.users.<name>.password-hash, so no password is ever configured
            System.out.println(icp.filing.adapters.rest.PasswordHash.hash(args[1]));
            return;
        }
        if (args.length > 0 && args[0].equals("provider")) {
            // a provider-side client for trying the gRPC API from a shell; see README
            System.exit(icp.filing.adapters.grpc.cli.ProviderCli.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && (args[0].equals("generate") || args[0].equals("import-register"))) {
            // the national register's tools: a synthetic register, and the bulk import (docs/bulk-import.md)
            try {
                System.exit(icp.filing.bootstrap.register.RegisterTools.run(args, System.out));
            } catch (java.io.IOException e) {
                System.out.println(e.getMessage());
                System.exit(1);
            }
        }
        if ((args.length == 1 || args.length == 2) && args[0].equals("train-start")) {
            // run by the build under -XX:ArchiveClassesAtExit: records the classes a start loads (README)
            try {
                System.exit(StartTraining.run(args.length == 2 ? java.nio.file.Path.of(args[1]) : null));
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("start training failed: " + e);
                System.exit(1);
            }
        }
        Micronaut.run(IcpFilingApplication.class, args);
    }
}
