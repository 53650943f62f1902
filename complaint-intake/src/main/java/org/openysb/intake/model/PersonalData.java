package org.openysb.intake.model;

import java.util.regex.Pattern;

/** Checks and masks of personal identifiers: mobile numbers, 居民身份证号 (GB 11643-1999), 统一社会信用代码 (GB 32100-2015). */
public final class PersonalData {
    private static final Pattern MOBILE = Pattern.compile("^1[3-9][0-9]{9}$");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private PersonalData() {}

    public static boolean isValidMobile(String mobile) {
        return mobile != null && MOBILE.matcher(mobile).matches();
    }

    /** 18-character resident ID number with a valid check character (GB 11643-1999, ISO 7064 MOD 11-2). */
    public static boolean isValidIdNumber(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK[sum % 11];
    }

    /** 18-character unified social credit code with a valid check character (GB 32100-2015, MOD 31). */
    public static boolean isValidCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        String upper = code.toUpperCase();
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CREDIT_ALPHABET.indexOf(upper.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return upper.charAt(17) == CREDIT_ALPHABET.charAt(check);
    }

    public static String maskMobile(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return null;
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
