package org.openysb.intake.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.openysb.intake.crypto.FieldCipher;

/** Stores a personal-data field AES-GCM encrypted; the entity holds it in clear. */
@Converter
@ApplicationScoped
public class EncryptedString implements AttributeConverter<String, String> {
    private final FieldCipher cipher;

    public EncryptedString(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return cipher.decrypt(dbData);
    }
}
