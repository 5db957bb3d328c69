package io.cascadence.core.impl;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.Identity;
import io.cascadence.api.Idea;
import io.cascadence.api.IdeaStore;
import io.cascadence.api.event.EventBus;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.core.impl.pipeline.IdentityHasher;

/** The IdeaStore service over {@code ideas.yml} ({@link IdeaBook}); kept ideas go on the event bus. */
@Component(service = {IdeaStore.class, HealthContributor.class}, immediate = true)
public class IdeaStoreComponent implements IdeaStore, HealthContributor {

    @Reference
    private CoreConfig config;

    @Reference
    private EventBus events;

    private IdeaBook book;

    @Activate
    void activate() {
        book = new IdeaBook(config.ideasPath(), new IdentityHasher(config::hashSecret), events::publish,
                Clock.systemUTC());
    }

    @Override
    public List<String> warnings() {
        return book.warnings();
    }

    @Override
    public Idea add(String text, Identity caller) {
        return book.add(text, caller);
    }

    @Override
    public List<Idea> ideas(Identity caller) {
        return book.ideas(caller);
    }
}
