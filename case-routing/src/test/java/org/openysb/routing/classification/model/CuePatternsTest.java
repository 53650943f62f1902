package org.openysb.routing.classification.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The misconduct cues compiled with a look-ahead on their start characters find exactly what the plain regexes find,
 * at the same place, on every labelled text and on long texts made of them.
 */
class CuePatternsTest {
    @Test
    void everyCueGetsALookAheadThatChangesNoMatch() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String file : List.of(
                "sample-complaints.jsonl",
                "training-complaints.jsonl",
                "evaluation-complaints.jsonl",
                "misconduct-training.jsonl",
                "misconduct-evaluation.jsonl")) {
            for (JsonNode e : EvaluationData.jsonLines(file)) {
                texts.add(CategoryClassifier.normalize(e.path("text").asText()).replace(" ", ""));
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) { // long letters: the evidence can be anywhere
            StringBuilder s = new StringBuilder();
            while (s.length() < 5000) {
                s.append(texts.get(random.nextInt(texts.size())));
            }
            texts.add(s.toString());
        }
        int compared = 0;
        for (MisconductGuard.Cue cue : MisconductGuard.CUES) {
            assertFalse(CuePatterns.lookAhead(cue.regex()).isEmpty(), cue.code() + " has no look-ahead");
            Pattern plain = Pattern.compile(cue.regex());
            for (String text : texts) {
                Matcher a = plain.matcher(text);
                Matcher b = cue.pattern().matcher(text);
                while (true) {
                    boolean found = a.find();
                    assertEquals(found, b.find(), cue.code() + " on " + text);
                    if (!found) {
                        break;
                    }
                    assertEquals(a.start(), b.start(), cue.code());
                    assertEquals(a.group(), b.group(), cue.code());
                    compared++;
                }
            }
        }
        assertTrue(compared > 1000, "matches compared: " + compared);
    }

    @Test
    void theLookAheadListsTheStartCharactersAndTellsWhenItCannot() {
        assertEquals("(?=[送表])", CuePatterns.lookAhead("送(?:点|些)?东西|表示一下"));
        assertEquals("(?=[科处]|\\p{IsHan}某)", CuePatterns.lookAhead("(?:科长|处长|\\p{IsHan}某).{0,4}不管"));
        assertEquals("", CuePatterns.lookAhead("(?:个)?饭|吃请"), "an optional start");
        assertEquals("", CuePatterns.lookAhead(".{0,3}好处"), "any character");
    }
}
