package org.openysb.notification.delivery.channel;

/** A channel could not hand a message over. {@code permanent}: retrying the same message will not help. */
public class DeliveryException extends RuntimeException {
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
