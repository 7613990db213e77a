package org.datagora.app.cli.labeling;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.datagora.app.Main;
import org.datagora.app.labeling.ClaimInfo;
import org.datagora.app.labeling.Label;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.LabelingServices;
import org.datagora.app.labeling.RequesterService;
import org.datagora.app.labeling.TaskCost;
import org.datagora.app.labeling.TaskInfo;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.labeling.TaskResults;
import org.datagora.app.labeling.TaskSpec;
import org.datagora.app.labeling.export.ExportFormat;
import org.datagora.app.labeling.export.LabelExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code datagora task ...}: create a labeling task, see where it stands, export its consensus labels. */
@Command(name = "task", mixinStandardHelpOptions = true,
        description = "Labeling tasks on the local sandbox, as one of its development accounts.",
        subcommands = {TaskCommand.Create.class, TaskCommand.Status.class, TaskCommand.Export.class})
public final class TaskCommand {

    private static final BigDecimal TOKEN = BigDecimal.TEN.pow(18);

    @ParentCommand
    Main main;

    @Option(names = "--dev-account", defaultValue = "1", description = "The sandbox development account to act as (default 1).")
    int devAccount;

    @Option(names = "--password-env", defaultValue = "DATAGORA_PASSWORD",
            description = "The environment variable holding the key vault's password (default DATAGORA_PASSWORD).")
    String passwordEnv;

    @Option(names = "--password-file",
            description = "A file whose first line is the key vault's password, instead of --password-env.")
    Path passwordFile;

    LabelingCliContext open() {
        String password;
        if (passwordFile != null) {
            try {
                password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("The password file " + passwordFile + " cannot be read", e);
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("The password file " + passwordFile + " is empty");
            }
        } else {
            password = System.getenv(passwordEnv);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("Set the environment variable " + passwordEnv + " (or give"
                        + " --password-file) to the password of the app's key vault; it is never read from the"
                        + " command line");
            }
        }
        return LabelingCliContext.open(main.dataDirectory().create(), devAccount, password);
    }

    /** Runs a command body; a failure becomes one sentence on stderr and exit code 1. */
    static int run(CommandSpec spec, Callable<Integer> body) {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(TaskCommand.class).error("datagora task failed", e);
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    static BigInteger tokens(String amount) {
        return new BigDecimal(amount).multiply(TOKEN).toBigIntegerExact();
    }

    static String tokens(BigInteger amount) {
        return new BigDecimal(amount).divide(TOKEN).stripTrailingZeros().toPlainString() + " DGT";
    }

    /** {@code datagora task create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates and funds a task: text items (one per line) or a folder of PNG images for boxes.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        TaskCommand task;
        @Spec
        CommandSpec spec;
        @Option(names = "--title", required = true) String title;
        @Option(names = "--items", description = "A text file, one item per line (text tasks).") Path itemsFile;
        @Option(names = "--images", description = "A folder of PNG images (box tasks).") Path imagesDir;
        @Option(names = "--type", defaultValue = "single", description = "single, multiple, text or boxes.") String type;
        @Option(names = "--classes", split = ",", description = "The choices or box categories, comma separated.")
        List<String> classes = new ArrayList<>();
        @Option(names = "--instructions", defaultValue = "") String instructions;
        @Option(names = "--batch-size", defaultValue = "10") int batchSize;
        @Option(names = "--labels-per-item", defaultValue = "3") int labelsPerItem;
        @Option(names = "--reward", required = true, description = "Reward per label, in DGT.") String reward;
        @Option(names = "--stake", required = true, description = "Stake per claim, in DGT.") String stake;
        @Option(names = "--gold", description = "A gold answer ITEM=CLASS (0-based item, class name); repeatable.")
        Map<Integer, String> gold = new HashMap<>();
        @Option(names = "--claim-minutes", defaultValue = "1440") long claimMinutes;
        @Option(names = "--commit-minutes", defaultValue = "60") long commitMinutes;
        @Option(names = "--reveal-minutes", defaultValue = "1440") long revealMinutes;
        @Option(names = "--review-minutes", defaultValue = "1440") long reviewMinutes;

        @Override
        public Integer call() {
            return run(spec, this::create);
        }

        private Integer create() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            LabelSchema.Kind kind = switch (type) {
                case "single" -> LabelSchema.Kind.SINGLE_CHOICE;
                case "multiple" -> LabelSchema.Kind.MULTIPLE_CHOICE;
                case "text" -> LabelSchema.Kind.FREE_TEXT;
                case "boxes" -> LabelSchema.Kind.BOUNDING_BOXES;
                default -> throw new IllegalArgumentException("--type is single, multiple, text or boxes, not " + type);
            };
            LabelSchema schema = new LabelSchema(kind, classes, instructions);
            List<TaskItem> items = kind == LabelSchema.Kind.BOUNDING_BOXES ? images() : texts();
            Map<Integer, Label> goldLabels = new HashMap<>();
            gold.forEach((item, name) -> {
                int index = classes.indexOf(name);
                if (index < 0 || kind == LabelSchema.Kind.FREE_TEXT || kind == LabelSchema.Kind.BOUNDING_BOXES) {
                    throw new IllegalArgumentException("Gold answers name one of the classes " + classes
                            + " of a choice task; " + name + " is not one");
                }
                goldLabels.put(item, kind == LabelSchema.Kind.SINGLE_CHOICE ? Label.single(index)
                        : Label.multiple(List.of(index)));
            });
            TaskSpec taskSpec = new TaskSpec(title, schema, items, goldLabels, batchSize, labelsPerItem, tokens(reward),
                    tokens(stake), BigInteger.ZERO, 0, BigInteger.ZERO, new TaskSpec.Timeline(
                    Duration.ofMinutes(claimMinutes), Duration.ofMinutes(commitMinutes), Duration.ofMinutes(revealMinutes),
                    Duration.ofMinutes(reviewMinutes), Duration.ZERO));
            try (LabelingCliContext context = task.open()) {
                RequesterService requester = context.services().requester();
                TaskCost cost = requester.quote(taskSpec);
                out.printf("Rewards:         %s%n", tokens(cost.rewards()));
                out.printf("Validation pool: %s%n", tokens(cost.validationPool()));
                out.printf("Fees:            %s%n", tokens(cost.fees()));
                out.printf("Total funded:    %s%n", tokens(cost.total()));
                RequesterService.CreatedTask created = requester.create(taskSpec);
                out.printf("Created task %s (%d items, manifest %s)%n", created.taskId(), items.size(),
                        created.manifestCid());
                out.flush();
            }
            return 0;
        }

        private List<TaskItem> texts() throws IOException {
            if (itemsFile == null) {
                throw new IllegalArgumentException("Give the items with --items FILE (one text per line)");
            }
            List<String> lines = Files.readAllLines(itemsFile, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            List<TaskItem> items = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                items.add(TaskItem.text(i, "item-" + i, lines.get(i)));
            }
            return items;
        }

        private List<TaskItem> images() throws IOException {
            if (imagesDir == null) {
                throw new IllegalArgumentException("Give the images with --images FOLDER (PNG files)");
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(imagesDir)) {
                files = listing.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".png")).sorted().toList();
            }
            List<TaskItem> items = new ArrayList<>();
            for (Path file : files) {
                byte[] data = Files.readAllBytes(file);
                BufferedImage image = ImageIO.read(file.toFile());
                if (image == null) {
                    throw new IllegalArgumentException(file + " is not a readable PNG image");
                }
                items.add(TaskItem.image(items.size(), file.getFileName().toString(), "image/png", data,
                        image.getWidth(), image.getHeight()));
            }
            return items;
        }
    }

    /** {@code datagora task status TASK_ID}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Where a task stands: phase, claims, money.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        TaskCommand task;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "TASK_ID") BigInteger taskId;

        @Override
        public Integer call() {
            return run(spec, this::status);
        }

        private Integer status() {
            PrintWriter out = spec.commandLine().getOut();
            try (LabelingCliContext context = task.open()) {
                LabelingServices services = context.services();
                TaskInfo info = services.catalog().task(taskId);
                long now = services.catalog().now();
                out.printf("Task:            %s \"%s\"%n", taskId, services.catalog().manifest(info).title());
                out.printf("Phase:           %s%n", info.phase(now));
                out.printf("Requester:       %s%n", info.requester());
                out.printf("Items:           %d in %d batches, %d labels per item%n", info.itemCount(),
                        info.batchCount(), info.labelsPerItem());
                out.printf("Reward / stake:  %s per label / %s per claim%n", tokens(info.rewardPerLabel()),
                        tokens(info.stakePerClaim()));
                out.printf("Claim until:     %s%n", Instant.ofEpochSecond(info.claimDeadline()));
                out.printf("Reveal until:    %s%n", Instant.ofEpochSecond(info.revealDeadline()));
                out.printf("Review until:    %s%n", Instant.ofEpochSecond(info.reviewDeadline()));
                List<ClaimInfo> claims = services.catalog().claims(taskId);
                Map<ClaimInfo.Status, Long> byStatus = claims.stream()
                        .collect(Collectors.groupingBy(ClaimInfo::status, Collectors.counting()));
                out.printf("Claims:          %d %s%n", claims.size(), byStatus);
                out.printf("Reward held:     %s%n", tokens(info.rewardHeld()));
                out.flush();
            }
            return 0;
        }
    }

    /** {@code datagora task export TASK_ID --format F --out FILE}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the consensus labels as jsonl (Label Studio), csv, coco or yolo (a folder).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        TaskCommand task;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "TASK_ID") BigInteger taskId;
        @Option(names = "--format", required = true, description = "jsonl, csv, coco or yolo.") String format;
        @Option(names = "--out", required = true, description = "The file to write (a folder for yolo).") Path out;

        @Override
        public Integer call() {
            return run(spec, this::export);
        }

        private Integer export() throws IOException {
            ExportFormat exportFormat = ExportFormat.parse(format);
            try (LabelingCliContext context = task.open()) {
                TaskResults results = context.services().results().results(taskId);
                new LabelExporter().export(results, exportFormat, out);
                long labeled = results.consensus().stream().filter(c -> c.label() != null).count();
                spec.commandLine().getOut().printf("Wrote %d labeled items of task %s to %s%n", labeled, taskId, out);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
