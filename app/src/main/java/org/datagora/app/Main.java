package org.datagora.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Application;
import org.datagora.app.cli.NetworkCommand;
import org.datagora.app.cli.market.BuyCommand;
import org.datagora.app.cli.market.DeliverCommand;
import org.datagora.app.cli.market.DownloadCommand;
import org.datagora.app.cli.market.PublishCommand;
import org.datagora.app.cli.market.SearchCommand;
import org.datagora.app.cli.labeling.TaskCommand;
import org.datagora.app.cli.storage.BenchCommand;
import org.datagora.app.cli.storage.CidCommand;
import org.datagora.app.cli.storage.DecryptCommand;
import org.datagora.app.cli.storage.EncryptCommand;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.ui.DatagoraApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The entry point of {@code datagora.jar}: the window without arguments, a command line with them. */
@Command(name = "datagora", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A decentralized data marketplace with incentivized labeling. "
                + "Without a command, opens the app on the local sandbox.",
        subcommands = {NetworkCommand.class, PublishCommand.class, SearchCommand.class, BuyCommand.class,
                DeliverCommand.class, DownloadCommand.class, TaskCommand.class,
                CidCommand.class, EncryptCommand.class, DecryptCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where to keep wallets, the cache, the sandbox and logs (default: $DATAGORA_HOME or ~/.local/share/datagora).")
    private Path dataDir;

    /** The data directory chosen by the option or the environment. */
    public DataDirectory dataDirectory() {
        return dataDir == null ? DataDirectory.fromEnvironment(System.getenv())
                : new DataDirectory(dataDir.toAbsolutePath());
    }

    @Override
    public Integer call() {
        DataDirectory directory = dataDirectory().create();
        Logging.configure(directory);
        List<String> parameters = new ArrayList<>();
        parameters.add("--data-dir=" + directory.root());
        Application.launch(DatagoraApplication.class, parameters.toArray(String[]::new));
        return 0;
    }

    public static void main(String[] args) {
        // Before any class makes a logger (picocli builds every subcommand up front), so the log file
        // lands in the data directory rather than in the fallback folder.
        Logging.configure(dataDirectoryBeforeParsing(args).create());
        System.exit(commandLine().execute(args));
    }

    /** The data directory named by {@code --data-dir} in raw arguments, or by the environment. */
    static DataDirectory dataDirectoryBeforeParsing(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return new DataDirectory(Path.of(args[i + 1]).toAbsolutePath());
            }
            if (args[i].startsWith("--data-dir=")) {
                return new DataDirectory(Path.of(args[i].substring("--data-dir=".length())).toAbsolutePath());
            }
        }
        return DataDirectory.fromEnvironment(System.getenv());
    }

    /** What {@code --version} prints: the name and version the build stamped into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppVersion.describe()};
        }
    }

    /** The command line with every subcommand, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionStrategy(parseResult -> {
            Main main = parseResult.commandSpec().commandLine().getCommand();
            Logging.configure(main.dataDirectory().create());
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }
}
