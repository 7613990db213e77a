package org.datagora.app.cli.market;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.datagora.app.Main;
import org.datagora.app.market.MarketException;
import org.datagora.storage.cache.CacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The frame of every marketplace command: opens a {@link MarketSession}, runs the command, and turns a
 * failure into its one sentence on stderr (detail in the log) and an exit code: 1 for a failure, 2 for
 * wrong usage.
 */
abstract class MarketCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MarketCommand.class);

    @ParentCommand
    Main main;

    @Mixin
    MarketOptions options;

    @Spec
    CommandSpec spec;

    /** Where the wallet's key and passwords are read from: the process environment, or what a test hands in. */
    Function<String, String> environment = System::getenv;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (MarketSession session = MarketSession.open(main.dataDirectory().create(), options, environment)) {
            return run(session, out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (MarketException | CacheException | IllegalStateException e) {
            LOG.warn("datagora {} failed", spec.name(), e);
            err.println(e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command's work; returns the exit code. */
    abstract int run(MarketSession session, PrintWriter out);
}
