package dev.sentlog.core.store;

import dev.sentlog.core.store.kit.MessageStoreCompatibilityKit;

/** The in-memory store passes the store compatibility kit. */
class InMemoryMessageStoreCompatibilityTest extends MessageStoreCompatibilityKit {

    @Override
    protected MessageStore createStore() {
        return MessageStore.inMemory();
    }
}
