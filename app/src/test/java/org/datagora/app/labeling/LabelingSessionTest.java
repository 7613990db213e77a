package org.datagora.app.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.LabelDraftDao;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingSessionTest {

    private static final LabelSchema SENTIMENT = new LabelSchema(LabelSchema.Kind.SINGLE_CHOICE,
            List.of("positive", "negative", "neutral"), "How does the sentence feel?");

    @TempDir
    Path dir;

    static List<TaskItem> sentences(int first, int count) {
        List<TaskItem> items = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            items.add(TaskItem.text(i, "s" + i, "Sentence number " + i + " is rather " + (i % 2 == 0 ? "nice" : "bad")));
        }
        return items;
    }

    private LabelingSession open(CacheDatabase db) {
        return new LabelingSession(BigInteger.valueOf(7), BigInteger.ONE, SENTIMENT, sentences(10, 5),
                db.dao(LabelDraftDao.class), Clock.systemUTC());
    }

    @Test
    void keyboardFlowLabelsMovesUndoesAndCountsProgress() {
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            LabelingSession session = open(db);
            assertThat(session.current().index()).isEqualTo(10);
            assertThat(session.chooseAndNext(0)).isTrue();
            assertThat(session.chooseAndNext(1)).isTrue();
            session.choose(2);
            assertThat(session.progress()).isEqualTo(new LabelingSession.Progress(3, 5));

            assertThat(session.undo()).isTrue();
            assertThat(session.position()).isEqualTo(2);
            assertThat(session.currentLabel()).isEmpty();
            assertThat(session.previous()).isTrue();
            assertThat(session.currentLabel()).contains(Label.single(1));
            assertThatThrownBy(() -> session.choose(5)).hasMessageContaining("no class 6");
            assertThatThrownBy(session::labels).hasMessageContaining("Item 3 of 5 has no label");
        }
    }

    @Test
    void aCrashMidLabelingLosesNoEnteredLabel() {
        CacheDatabase db = CacheDatabase.open(dir, Optional.empty());
        LabelingSession session = open(db);
        session.chooseAndNext(2);
        session.chooseAndNext(0);
        session.choose(1);
        session.choose(0); // changed its mind: the last value counts
        // The app dies here: the session object is gone, the database is closed under it.
        db.close();

        try (CacheDatabase reopened = CacheDatabase.open(dir, Optional.empty())) {
            LabelingSession restored = open(reopened);
            assertThat(restored.progress().labeled()).isEqualTo(3);
            assertThat(restored.label(0)).contains(Label.single(2));
            assertThat(restored.label(1)).contains(Label.single(0));
            assertThat(restored.label(2)).contains(Label.single(0));
            assertThat(restored.position()).as("resumes at the first unlabeled item").isEqualTo(3);
            restored.chooseAndNext(1);
            restored.choose(1);
            assertThat(restored.isComplete()).isTrue();
            assertThat(restored.labels()).extracting(Label::choice).containsExactly(2, 0, 0, 1, 1);
        }
    }

    @Test
    void labelsAreCanonicalSoEqualAnswersHashEqually() {
        assertThat(Label.multiple(List.of(3, 1, 3)).toJson()).isEqualTo("{\"choices\":[1,3]}");
        assertThat(Label.text("  caf\u0065\u0301 ").hash()).isEqualTo(Label.text("caf\u00e9").hash());
        assertThat(Label.boxes(List.of(new Box(1, 5, 5, 2, 2), new Box(0, 9, 1, 3, 3))))
                .isEqualTo(Label.fromJson(Label.boxes(List.of(new Box(0, 9, 1, 3, 3), new Box(1, 5, 5, 2, 2))).toJson()));
    }
}
