package dev.minstrel.subsonic.view;

import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.subsonic.annotation.AnnotationStore;
import dev.minstrel.subsonic.protocol.Call;
import reactor.core.publisher.Mono;

/** The current catalogue seen through the caller's annotations: what every browse call starts from. */
public final class ViewSource {

    private final MusicLibrary library;
    private final AnnotationStore annotations;

    public ViewSource(MusicLibrary library, AnnotationStore annotations) {
        this.library = library;
        this.annotations = annotations;
    }

    /** The current catalogue, for what needs no user's annotations. */
    public Catalogue catalogue() {
        return library.catalogue();
    }

    public Mono<ItemViews> views(Call call) {
        return annotations.of(call.user().id())
                .map(notes -> new ItemViews(library.catalogue(), notes, call.profile()));
    }
}
