package io.cascadence.core.impl;

import java.util.List;
import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.EventBus;
import io.cascadence.api.event.EventListener;
import io.cascadence.api.health.EventDrops;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.core.impl.events.EventDispatcher;
import io.cascadence.core.impl.events.EventSink;

/** The event bus service, with the core's sinks and the whiteboard of outside {@link EventListener}s. */
@Component(service = {EventBus.class, HealthContributor.class, EventDrops.class}, immediate = true)
public class EventBusComponent implements EventBus, HealthContributor, EventDrops {

    /** Events an outside listener may fall behind by before new ones are dropped for it. */
    static final int LISTENER_CAPACITY = 65_536;

    private final EventDispatcher dispatcher = new EventDispatcher(LISTENER_CAPACITY);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSink(EventSink sink) {
        dispatcher.addSink(sink);
    }

    void unbindSink(EventSink sink) {
        dispatcher.removeSink(sink);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindListener(ServiceReference<EventListener> reference, EventListener listener) {
        dispatcher.addListener(listener, reference.getBundle().getSymbolicName() + "-"
                + reference.getProperty(Constants.SERVICE_ID));
    }

    void unbindListener(EventListener listener) {
        dispatcher.removeListener(listener);
    }

    @Deactivate
    void deactivate() {
        dispatcher.close();
    }

    @Override
    public List<String> warnings() {
        long dropped = dispatcher.dropped();
        return dropped == 0 ? List.of() : List.of(dropped + " events were dropped for event listeners that fell "
                + "behind; see the log for which");
    }

    @Override
    public Map<String, Long> dropped() {
        return Map.copyOf(dispatcher.droppedByListener());
    }

    @Override
    public void publish(CascadenceEvent event) {
        dispatcher.publish(event);
    }
}
