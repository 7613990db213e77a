package org.datagora.app.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.datagora.app.labeling.Label;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.labeling.TaskSpec;
import org.datagora.app.market.PublishRequest;

/**
 * The sample data shipped in {@code assets/samples} (see its LICENSES.md): copies it out of the class
 * path into a folder and describes the listings and the labeling task made from it.
 */
public final class SampleData {

    static final String ROOT = "/assets/samples/data/";
    static final BigInteger DGT = BigInteger.TEN.pow(18);
    /** The task's classes, in the order of their keys: ham is 0, spam is 1. */
    public static final List<String> SPAM_CLASSES = List.of("ham", "spam");
    private static final int GOLD_PER_CLASS = 2;

    private final Path folder;

    private SampleData(Path folder) {
        this.folder = folder;
    }

    /** Copies every sample file into {@code folder} (again, when a copy exists) and returns the data there. */
    public static SampleData extractTo(Path folder) {
        try {
            for (String name : index()) {
                Path target = folder.resolve("files").resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = open(name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.createDirectories(folder.resolve("previews"));
            return new SampleData(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the sample data into " + folder, e);
        }
    }

    /** The relative names of the shipped sample files. */
    static List<String> index() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open("index.txt"), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = SampleData.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("The sample file " + name + " is missing from the application");
        }
        return in;
    }

    /** The listings the sample seller publishes, each keyed by a short stable name. */
    public List<SampleListing> listings() throws IOException {
        Path files = folder.resolve("files");
        return List.of(
                new SampleListing("spamassassin", new PublishRequest(files.resolve("spamassassin"),
                        "Spam and ham mails (SpamAssassin, 120 mails)",
                        "60 ordinary mails (ham) and 60 spam mails from the SpamAssassin public corpus, one raw "
                                + "RFC 822 message per file, headers included, in the folders ham/ and spam/. "
                                + "A small, classic set for training and testing spam filters.",
                        List.of("text", "email", "spam", "classification"), "CC0-1.0", DGT.multiply(BigInteger.valueOf(8)),
                        Optional.of(firstFile(files.resolve("spamassassin/spam"))), List.of(),
                        PublishRequest.DEFAULT_DELIVERY_WINDOW)),
                new SampleListing("iris", new PublishRequest(files.resolve("iris"),
                        "Iris flowers (Fisher, 150 rows)",
                        "Sepal and petal length and width in centimetres of 150 iris flowers of three species "
                                + "(setosa, versicolor, virginica), 50 each. CSV with a header line.",
                        List.of("tabular", "csv", "biology", "classification"), "MIT", DGT.multiply(BigInteger.TWO),
                        Optional.of(head(files.resolve("iris/iris.csv"), "iris-preview.csv", 11)), List.of(),
                        PublishRequest.DEFAULT_DELIVERY_WINDOW)),
                new SampleListing("penguins", new PublishRequest(files.resolve("penguins"),
                        "Palmer penguins (344 birds)",
                        "Species, island, beak length and depth, flipper length, body mass and sex of 344 "
                                + "penguins observed at Palmer Station, Antarctica. JSON records.",
                        List.of("tabular", "json", "biology"), "CC0-1.0", DGT.multiply(BigInteger.valueOf(3)),
                        Optional.of(head(files.resolve("penguins/penguins.json"), "penguins-preview.json.txt", 20)),
                        List.of(), PublishRequest.DEFAULT_DELIVERY_WINDOW)),
                new SampleListing("seattle-weather", new PublishRequest(files.resolve("seattle-weather"),
                        "Seattle daily weather 2012–2015",
                        "Daily precipitation, maximum and minimum temperature, wind and weather type in Seattle "
                                + "from 2012 to 2015 (NOAA). CSV with a header line.",
                        List.of("tabular", "csv", "weather", "time-series"), "Public domain (US)",
                        DGT.multiply(BigInteger.valueOf(5)),
                        Optional.of(head(files.resolve("seattle-weather/seattle-weather.csv"), "weather-preview.csv", 15)),
                        List.of(), PublishRequest.DEFAULT_DELIVERY_WINDOW)));
    }

    /**
     * The spam/ham labeling task: 20 mails (10 of each, mixed in a fixed order), shown as subject and body;
     * two mails of each class are gold items whose answers the requester knows.
     */
    public TaskSpec spamTask() throws IOException {
        List<Mail> mails = new ArrayList<>();
        for (int label = 0; label < SPAM_CLASSES.size(); label++) {
            for (Path file : sorted(folder.resolve("files/spam-task").resolve(SPAM_CLASSES.get(label)))) {
                mails.add(new Mail(file.getFileName().toString(), readable(Files.readString(file, StandardCharsets.ISO_8859_1)), label));
            }
        }
        Collections.shuffle(mails, new Random(7));
        List<TaskItem> items = new ArrayList<>();
        java.util.Map<Integer, Label> gold = new java.util.HashMap<>();
        int[] goldLeft = {GOLD_PER_CLASS, GOLD_PER_CLASS};
        for (int i = 0; i < mails.size(); i++) {
            Mail mail = mails.get(i);
            items.add(TaskItem.text(i, mail.name(), mail.text()));
            if (goldLeft[mail.label()] > 0) {
                goldLeft[mail.label()]--;
                gold.put(i, Label.single(mail.label()));
            }
        }
        return new TaskSpec("Spam or ham? 20 mails from the SpamAssassin corpus",
                new LabelSchema(LabelSchema.Kind.SINGLE_CHOICE, SPAM_CLASSES,
                        "Read the mail. Choose spam for unsolicited bulk mail (advertising, offers, scams), "
                                + "ham for an ordinary mail someone meant to send you."),
                items, gold, 5, 2, DGT, DGT.multiply(BigInteger.TWO), DGT.divide(BigInteger.TWO), 1,
                DGT.multiply(BigInteger.valueOf(4)),
                new TaskSpec.Timeline(java.time.Duration.ofDays(7), java.time.Duration.ofDays(1),
                        java.time.Duration.ofDays(1), java.time.Duration.ofDays(2), java.time.Duration.ofDays(1)));
    }

    /** The true class (index into {@link #SPAM_CLASSES}) of the task's mail named {@code name}. */
    public int spamClassOf(String name) {
        return Files.exists(folder.resolve("files/spam-task/spam").resolve(name)) ? 1 : 0;
    }

    /** The subject line and the body of a raw mail: what a person reads to decide. */
    static String readable(String raw) {
        String normalized = raw.replace("\r\n", "\n");
        int split = normalized.indexOf("\n\n");
        String headers = split < 0 ? normalized : normalized.substring(0, split);
        String body = split < 0 ? "" : normalized.substring(split + 2).strip();
        String subject = headers.lines().filter(line -> line.regionMatches(true, 0, "Subject:", 0, 8))
                .map(line -> line.substring(8).strip()).findFirst().orElse("(no subject)");
        return "Subject: " + subject + "\n\n" + body;
    }

    private Path head(Path source, String name, int lines) throws IOException {
        Path preview = folder.resolve("previews").resolve(name);
        try (Stream<String> all = Files.lines(source, StandardCharsets.UTF_8)) {
            Files.write(preview, all.limit(lines).toList(), StandardCharsets.UTF_8);
        }
        return preview;
    }

    private static Path firstFile(Path dir) throws IOException {
        return sorted(dir).get(0);
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private record Mail(String name, String text, int label) {
    }

    /** One sample listing: a stable key (remembered once published) and what to publish. */
    public record SampleListing(String key, PublishRequest request) {
    }
}
