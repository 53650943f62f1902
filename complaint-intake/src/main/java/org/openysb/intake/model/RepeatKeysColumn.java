package org.openysb.intake.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A case's near-duplicate keys as stored (bytea, 8 bytes each; see {@link RepeatSketch#toBytes}). */
@Converter
public class RepeatKeysColumn implements AttributeConverter<long[], byte[]> {
    @Override
    public byte[] convertToDatabaseColumn(long[] keys) {
        return keys == null ? null : RepeatSketch.toBytes(keys);
    }

    @Override
    public long[] convertToEntityAttribute(byte[] stored) {
        return stored == null ? null : RepeatSketch.fromBytes(stored);
    }
}
