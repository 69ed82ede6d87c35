package io.jenkins.plugins.mesa.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code mesa} in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MesaCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(code, out.toString(), err.toString());
    }
}
