package dev.minstrel.subsonic.annotation;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An immutable snapshot of one user's stars, ratings and play counts, keyed by item id. */
public final class UserAnnotations {

    public static final UserAnnotations EMPTY = new UserAnnotations(Map.of());

    private final Map<String, Annotation> items;

    UserAnnotations(Map<String, Annotation> items) {
        this.items = items;
    }

    public Annotation of(String itemId) {
        return itemId == null ? Annotation.NONE : items.getOrDefault(itemId, Annotation.NONE);
    }

    /** Ids of the starred items, most recently starred first. */
    public List<String> starredIds() {
        return items.entrySet().stream().filter(e -> e.getValue().starredAt() != null)
                .sorted(Comparator.comparing((Map.Entry<String, Annotation> e) -> e.getValue().starredAt()).reversed())
                .map(Map.Entry::getKey).toList();
    }

    UserAnnotations with(Collection<String> ids, UnaryOperator<Annotation> change) {
        Map<String, Annotation> copy = new HashMap<>(items);
        for (String id : ids) {
            copy.put(id, change.apply(copy.getOrDefault(id, Annotation.NONE)));
        }
        return new UserAnnotations(Map.copyOf(copy));
    }
}
