package org.openysb.intake.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalDataTest {
    @Test
    void acceptsIdNumbersWithTheRightCheckCharacter() {
        assertTrue(PersonalData.isValidIdNumber("11010519491231002X"));
        assertTrue(PersonalData.isValidIdNumber("11010519491231002x"));
        assertTrue(PersonalData.isValidIdNumber("440524188001010014"));
    }

    @Test
    void rejectsIdNumbersWithAWrongCheckCharacterOrShape() {
        assertFalse(PersonalData.isValidIdNumber("110105194912310021"));
        assertFalse(PersonalData.isValidIdNumber("1101051949123100"));
        assertFalse(PersonalData.isValidIdNumber("11010519491231A02X"));
        assertFalse(PersonalData.isValidIdNumber(null));
    }

    @Test
    void acceptsCreditCodesWithTheRightCheckCharacter() {
        assertTrue(PersonalData.isValidCreditCode("91350100M000100Y43"));
        assertTrue(PersonalData.isValidCreditCode("91110000600037341L"));
    }

    @Test
    void rejectsCreditCodesWithAWrongCheckCharacterOrForbiddenLetters() {
        assertFalse(PersonalData.isValidCreditCode("91350100M000100Y44"));
        assertFalse(PersonalData.isValidCreditCode("91350100I000100Y43")); // I is not in the GB 32100 alphabet
        assertFalse(PersonalData.isValidCreditCode("9135"));
    }

    @Test
    void masksMobileNumbers() {
        assertEquals("138****1234", PersonalData.maskMobile("13812341234"));
        assertNull(PersonalData.maskMobile(null));
        assertTrue(PersonalData.isValidMobile("13812341234"));
        assertFalse(PersonalData.isValidMobile("12812341234"));
    }
}
