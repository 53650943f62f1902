package org.openysb.intake.rest;

import java.time.OffsetDateTime;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import org.openysb.intake.model.Channel;
import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.model.ComplaintType;
import org.openysb.intake.model.PersonalData;
import org.openysb.intake.rest.Open311Documents.Open311Error;
import org.openysb.intake.rest.validation.PlainText;
import org.openysb.intake.service.ComplaintService;
import org.openysb.intake.service.NewComplaint;
import org.openysb.intake.service.Open311Service;
import org.openysb.intake.service.ReferenceData;
import org.openysb.problem.DomainException;

/**
 * An Open311 service request's form (GeoReport v2 POST requests, {@code application/x-www-form-urlencoded}, UTF-8) read
 * and checked field by field, and turned into a complaint on channel OPEN311; every refusal an {@link Open311Error}.
 */
@ApplicationScoped
class Open311Forms {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,20}$");
    private static final Pattern NUMBER = Pattern.compile("^-?[0-9]{1,3}(\\.[0-9]{1,12})?$");
    private static final PlainText.Validator PLAIN = new PlainText.Validator();

    private final Open311Service open311;
    private final ReferenceData reference;

    Open311Forms(Open311Service open311, ReferenceData reference) {
        this.open311 = open311;
        this.reference = reference;
    }

    /** The form as a new complaint; an {@link Open311Error} (400) for the first field that is missing or wrong. */
    NewComplaint toComplaint(MultivaluedMap<String, String> form) {
        String serviceCode = single(form, "service_code");
        if (serviceCode == null) {
            throw new Open311Error(400, "service_code is required");
        }
        Open311Service.Service service = open311.service(serviceCode)
                .orElseThrow(() -> new Open311Error(400, "service_code not found: " + serviceCode));
        String description = single(form, "description");
        if (description == null) {
            throw new Open311Error(400, "description is required");
        }
        if (description.length() > 4000) {
            throw new Open311Error(400, "description is longer than 4000 characters");
        }
        String lat = single(form, "lat");
        String lon = single(form, "long");
        String address = single(form, "address_string");
        String addressId = single(form, "address_id");
        if ((lat == null) != (lon == null)) {
            throw new Open311Error(400, "lat and long must be given together");
        }
        if (lat != null
                && (!NUMBER.matcher(lat).matches() || !NUMBER.matcher(lon).matches())) {
            throw new Open311Error(400, "lat and long must be decimal degrees");
        }
        if (lat == null && address == null && addressId == null) {
            throw new Open311Error(400, "a location is required: lat and long, address_string or address_id");
        }
        if (address != null && address.length() > 500) {
            throw new Open311Error(400, "address_string is longer than 500 characters");
        }
        String district = districtOf(single(form, "attribute[district]"), address);
        ComplaintType type = typeOf(single(form, "attribute[type]"));
        String firstName = single(form, "first_name");
        String lastName = single(form, "last_name");
        String phone = single(form, "phone");
        String email = single(form, "email");
        String mediaUrl = single(form, "media_url");
        for (String[] text : new String[][] {
            {"description", description},
            {"address_string", address},
            {"first_name", firstName},
            {"last_name", lastName},
            {"address_id", addressId}
        }) {
            if (text[1] != null && !PLAIN.isValid(text[1], null)) {
                throw new Open311Error(400, text[0] + " must not contain control characters");
            }
        }
        if ((firstName != null && firstName.length() > 100) || (lastName != null && lastName.length() > 100)) {
            throw new Open311Error(400, "first_name and last_name are at most 100 characters");
        }
        if (phone != null && !PersonalData.isValidMobile(phone.replace(" ", "").replace("-", ""))) {
            throw new Open311Error(400, "phone must be a mainland mobile number (11 digits starting with 1)");
        }
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw new Open311Error(400, "email is not a valid address");
        }
        if (mediaUrl != null && (mediaUrl.length() > 500 || !mediaUrl.matches("^https?://[\\x21-\\x7E]+$"))) {
            throw new Open311Error(400, "media_url must be an http(s) URL of at most 500 characters");
        }
        StringBuilder content = new StringBuilder(description.strip());
        if (address != null) {
            content.append("\n地址：").append(address.strip());
        }
        if (addressId != null) {
            content.append("\n地址编号：").append(addressId.strip());
        }
        if (lat != null) {
            content.append("\n坐标：").append(lat).append(',').append(lon);
        }
        if (mediaUrl != null) {
            content.append("\n图片：").append(mediaUrl);
        }
        String oneLine = description.strip().replaceAll("\\s+", " ");
        String title = service.nameZh() + "：" + (oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine);
        String name =
                ((lastName == null ? "" : lastName.strip()) + (firstName == null ? "" : firstName.strip())).strip();
        String mobile = phone == null ? null : phone.replace(" ", "").replace("-", "");
        boolean named = !name.isEmpty();
        return new NewComplaint(
                Channel.OPEN311,
                type,
                false,
                title,
                content.toString(),
                district,
                service.code(),
                null,
                !named,
                false,
                OffsetDateTime.now(ComplaintService.CHINA),
                named ? ComplainantKind.PERSON : ComplainantKind.ANONYMOUS,
                named ? name : null,
                mobile,
                email,
                null,
                null,
                null,
                null);
    }

    /** attribute[type] (a key of the service definition's values), else 投诉; 400 for another value. */
    private static ComplaintType typeOf(String key) {
        if (key == null) {
            return ComplaintType.COMPLAINT;
        }
        for (ComplaintType type : ComplaintType.values()) {
            if (type.name().equalsIgnoreCase(key)) {
                return type;
            }
        }
        throw new Open311Error(
                400, "attribute[type] is not one of inquiry, help, suggestion, complaint, report: " + key);
    }

    /** attribute[district] (a district code), else a district named in the address; 400 when neither. */
    private String districtOf(String code, String address) {
        if (code != null) {
            try {
                reference.requireDistrict(code);
            } catch (DomainException e) {
                throw new Open311Error(400, "attribute[district] is not a known district: " + code);
            }
            return code;
        }
        if (address != null) {
            for (String district : reference.districts()) {
                if (address.contains(
                        reference.unitName(district).replace("人民政府", "").replace("管委会", ""))) {
                    return district;
                }
            }
        }
        throw new Open311Error(
                400,
                "the district is required: attribute[district] (one of " + String.join(", ", reference.districts())
                        + ") or a district named in address_string");
    }

    /** application/x-www-form-urlencoded, always UTF-8 (GeoReport v2 is UTF-8 throughout). */
    static MultivaluedMap<String, String> parseForm(byte[] body) {
        MultivaluedMap<String, String> form = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        if (body == null || body.length == 0) {
            return form;
        }
        for (String pair : new String(body, java.nio.charset.StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = java.net.URLDecoder.decode(
                        eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0
                        ? ""
                        : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                form.add(name, value);
            } catch (IllegalArgumentException e) {
                throw new Open311Error(400, "the form is not correctly url-encoded");
            }
        }
        return form;
    }

    private static String single(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
