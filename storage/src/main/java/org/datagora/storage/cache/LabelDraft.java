package org.datagora.storage.cache;

/** A label the user is writing for one item of a task, saved as they go so nothing is lost on a crash. */
public record LabelDraft(long taskId, int itemIndex, String labelJson, long savedAt) {
}
