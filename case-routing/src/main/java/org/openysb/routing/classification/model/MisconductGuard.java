package org.openysb.routing.classification.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises complaints about officials' own conduct (吃拿卡要, 故意刁难, 推诿扯皮 or 不作为 by a named post, 新官不理旧账,
 * retaliation, steering to designated intermediaries, abuse of office), so that they go to the discipline commission
 * and never to the accused unit. A binary logistic regression over character bigrams and trigrams and over the
 * documented cue patterns of {@link Cue} (each cue is one feature, its weight learnt like any other), trained on the
 * labelled misconduct set; the costs are asymmetric, so misconduct examples weigh more and the thresholds are low.
 *
 * <p>{@link Level#STRONG}: probability at least {@code strong}. {@link Level#POSSIBLE}: probability at least
 * {@code possible}, or a cue that is evidence on its own ({@link Cue#decisive()}) whatever the probability. The
 * evidence lists the cues found (with the words that matched) and the learnt wording that weighed most.
 */
public final class MisconductGuard {
    /** A labelled text: misconduct or not. */
    public record Example(String text, boolean misconduct) {}

    public enum Level {
        NONE,
        POSSIBLE,
        STRONG
    }

    /** The guard's finding for one text. */
    public record Assessment(Level level, double probability, List<String> evidence) {
        public boolean suspected() {
            return level != Level.NONE;
        }
    }

    /**
     * A documented signal of misconduct. {@code decisive}: found alone, it sends the case at least to manual dispatch
     * (phrases that an ordinary service complaint does not use).
     */
    public record Cue(String code, String nameZh, String regex, Pattern pattern, boolean decisive) {
        Cue(String code, String nameZh, String regex, boolean decisive) {
            this(code, nameZh, regex, CuePatterns.compile(regex), decisive);
        }
    }

    /** Posts and persons a complaint can name (科长, 经办人, 民警, 姓王的…). */
    private static final String POST = "(?:科长|处长|局长|主任|所长|队长|站长|股长|书记|镇长|乡长|区长|干部|负责人|经办人|工作人员|执法人员"
            + "|审核人员|办事员|科员|专管员|管理员|网格员|民警|辅警|客户经理|领导|姓\\p{IsHan}的|\\p{IsHan}某)";

    /** The cue patterns (see case-routing/README.md, "Misconduct guard"). */
    public static final List<Cue> CUES = List.of(
            new Cue(
                    "GIFT_HINT",
                    "暗示送礼或给钱",
                    "(?:暗示|示意|私下|话里有话|明里暗里|意思是).{0,25}(?:送|表示|意思|走动|诚意|打点|好处|吃饭|喝茶|钱|卡|烟|酒"
                            + "|关系|想办法|谈谈|手头紧)|送(?:点|些|了)?(?:东西|礼)|表示表示|表示一下|一点表示|意思一下|意思意思"
                            + "|走动走动|懂规矩|不懂事|会不会做人|看着办|的诚意|打点",
                    true),
            new Cue(
                    "EXTORTION",
                    "吃拿卡要、索取财物",
                    "吃拿卡要|索贿|收受|受贿|行贿|塞钱|收.{0,4}(?:好处|礼|钱)|交.{0,4}(?:钱|现金).{0,8}(?:放行|就当"
                            + "|没看见|不罚)|不给(?:钱|好处)就|(?:好处|辛苦|感谢|协调|茶水|加急)费",
                    true),
            new Cue(
                    "TREAT",
                    "吃请、报销私人费用、白拿东西",
                    "索要|索取|请.{0,8}吃(?:个)?饭|吃请|喝(?:个)?茶|坐坐|招待费|免单|报销.{0,12}(?:费|票|卡)|拿(?:了|走)?.{0,4}(?:几条烟"
                            + "|两箱|东西|年货)|顺走|私人.{0,4}(?:费用|手机|话费)|购物卡|礼金|红包|回扣|现金",
                    false),
            new Cue(
                    "BURDEN",
                    "要求企业承担私人或单位开支",
                    "(?:让|要求|要)(?:企业|公司|我们|商户|店家|老板).{0,12}(?:承担|购买|赞助|出钱|出资|报销|免单|安排.{0,4}工作" + "|安排.{0,4}房)",
                    false),
            new Cue("HOLD_UP", "压着、卡着不办", "(?:压着|卡着|拖着|扣着|晾着)不(?:办|批|给|签|拨|放|管)|一直压着|卡压|故意(?:拖延|卡)|卡企业", false),
            new Cue("OBSTRUCTION", "故意刁难、公报私仇", "刁难|为难|故意(?:挑|找)(?:毛病|茬|刺)|鸡蛋里挑骨头|公报私仇|泄私愤|不想给你办|就是不给办", true),
            new Cue(
                    "EVASION_BY_POST",
                    "具名岗位或人员推诿、敷衍、不作为",
                    POST + ".{0,40}(?:推诿|推脱|推来推去|推给|踢皮球|扯皮|敷衍|塞责|不作为|慢作为|不接电话|电话(?:也)?不接"
                            + "|避而不见|躲着|不接待|不回复|不回消息|拖着|一拖再拖|下周|在协调|不了了之|下文|不理|不管|不抓"
                            + "|不予答复|不在)",
                    false),
            new Cue("INACTION", "不作为、慢作为、推诿扯皮", "不作为|慢作为|乱作为|推诿|扯皮|踢皮球|门难进|脸难看|事难办|敷衍塞责|推脱|包庇", false),
            new Cue(
                    "NEW_OFFICIAL",
                    "新官不理旧账",
                    "新官不理旧账|(?:换了|新来的|新任|新上任|现任|调整后|调走|调任|到任|换人).{0,40}(?:不认|不算|不作数|不承认"
                            + "|不兑现|推翻|不给了|不予兑现|不予承认|不知道这回事)|前任.{0,40}(?:不认|不算|不作数)",
                    true),
            new Cue(
                    "RETALIATION",
                    "投诉举报后遭报复",
                    "打击报复|穿小鞋|秋后算账|喜欢投诉|去投诉吗|不服你去告|告到哪|等着瞧|长点记性|得罪人|报复举报"
                            + "|(?:投诉|举报|反映|差评|写信|信访|发帖).{0,30}(?:之后|以后|此后|随后|结果|没想到|就被|就).{0,30}"
                            + "(?:检查|稽查|抽检|罚|停业|停水|退回|针对|传唤|扣分|降低|吊销)",
                    true),
            new Cue(
                    "DESIGNATED_AGENT",
                    "指定中介、关联企业或找关系",
                    "指定.{0,12}(?:中介|公司|机构|代理|代办|单位|供应商|厂家|设计院|施工队|检测|刻章店|广告公司|咨询|分包)"
                            + "|(?:亲戚|亲属|家属|妻弟|外甥|同学|朋友|老婆|妻子|哥哥|儿子|熟人)(?:开|经营|入股|的)?.{0,8}(?:公司|中介"
                            + "|店|设计院|驾校|代办)|找.{0,6}(?:熟人|关系|中间人)|托(?:人|关系)|走关系|关系户|打招呼|包过|过得快"
                            + "|要看关系|关系到",
                    false),
            new Cue(
                    "ABUSE_OF_OFFICE",
                    "以权谋私、利益输送",
                    "以权谋私|滥用职权|利用职[权务]|职务便利|权钱交易|权力寻租|利益输送|利益关系|泄露|徇私|吃空饷|借款.{0,12}不还" + "|挂名|猫腻",
                    true),
            new Cue("NAMED_POST", "具名岗位或人员", POST, false));

    private static final String CUE = "cue:";
    /**
     * Texts with fewer distinct n-grams than this (about a dozen characters) weigh as if they had this many, are never
     * sent straight to the commission, and wait for a dispatcher only on a cue or a probability of at least {@code
     * strong}: too little evidence either way.
     */
    static final int MIN_GRAMS = 24;

    private static final int EPOCHS = 60;
    private static final double RATE = 0.5;
    private static final double L2 = 1e-4;

    private final Map<String, Double> weights;
    private final double bias;
    private final double possible;
    private final double strong;
    private final int trainingSize;

    private MisconductGuard(Map<String, Double> weights, double bias, double possible, double strong, int size) {
        this.weights = weights;
        this.bias = bias;
        this.possible = possible;
        this.strong = strong;
        this.trainingSize = size;
    }

    /**
     * Trains the regression (AdaGrad, L2, fixed shuffle) with misconduct examples weighted by the class ratio, so that
     * a missed misconduct costs as much in total as all the false alarms.
     */
    public static MisconductGuard train(Collection<Example> examples, double possible, double strong) {
        List<Example> list = new ArrayList<>(examples);
        Map<String, Integer> index = new HashMap<>();
        int[][] ids = new int[list.size()][];
        double[][] values = new double[list.size()][];
        for (int i = 0; i < list.size(); i++) {
            Map<String, Double> x = features(list.get(i).text()).values();
            ids[i] = new int[x.size()];
            values[i] = new double[x.size()];
            int j = 0;
            for (Map.Entry<String, Double> f : x.entrySet()) {
                ids[i][j] = index.computeIfAbsent(f.getKey(), k -> index.size());
                values[i][j++] = f.getValue();
            }
        }
        long positives = list.stream().filter(Example::misconduct).count();
        double positiveWeight = positives == 0 ? 1 : Math.max(1.0, (double) (list.size() - positives) / positives);
        double[] w = new double[index.size()];
        double[] g2 = new double[index.size()];
        double b = 0;
        double bg2 = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            order.add(i);
        }
        Random random = new Random(20261207L);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Collections.shuffle(order, random);
            for (int i : order) {
                double y = list.get(i).misconduct() ? 1 : 0;
                double z = b;
                for (int j = 0; j < ids[i].length; j++) {
                    z += w[ids[i][j]] * values[i][j];
                }
                double gradient = (y == 1 ? positiveWeight : 1) * (sigmoid(z) - y);
                for (int j = 0; j < ids[i].length; j++) {
                    int f = ids[i][j];
                    double g = gradient * values[i][j] + L2 * w[f];
                    g2[f] += g * g;
                    w[f] -= RATE * g / Math.sqrt(g2[f] + 1e-8);
                }
                bg2 += gradient * gradient;
                b -= RATE * gradient / Math.sqrt(bg2 + 1e-8);
            }
        }
        Map<String, Double> weights = new HashMap<>();
        index.forEach((feature, i) -> {
            if (Math.abs(w[i]) >= 1e-4) { // a smaller table, the same decisions
                weights.put(feature, w[i]);
            }
        });
        return new MisconductGuard(Map.copyOf(weights), b, possible, strong, list.size());
    }

    public int trainingSize() {
        return trainingSize;
    }

    public double possibleThreshold() {
        return possible;
    }

    public double strongThreshold() {
        return strong;
    }

    /** The same model with other thresholds (used to choose them). */
    public MisconductGuard withThresholds(double possible, double strong) {
        return new MisconductGuard(weights, bias, possible, strong, trainingSize);
    }

    /** The probability of misconduct alone, without the evidence. */
    public double probability(String text) {
        return sigmoid(bias + dot(weights, features(text).values()));
    }

    public Assessment assess(String text) {
        Features f = features(text);
        double p = sigmoid(bias + dot(weights, f.values()));
        List<String> evidence = new ArrayList<>();
        boolean decisive = false;
        for (Cue cue : CUES) {
            String found = f.cues().get(cue.code());
            if (found == null || cue.code().equals("NAMED_POST")) {
                continue;
            }
            double w = weights.getOrDefault(CUE + cue.code(), 0.0);
            if (w <= 0 && !cue.decisive()) {
                continue;
            }
            evidence.add("线索「" + cue.nameZh() + "：" + abbreviate(found) + "」");
            decisive |= cue.decisive();
        }
        boolean cued = !evidence.isEmpty();
        evidence.addAll(topGrams(f.values(), 3));
        Level level;
        if (f.grams() >= MIN_GRAMS) {
            level = p >= strong ? Level.STRONG : p >= possible || decisive ? Level.POSSIBLE : Level.NONE;
        } else {
            // a text of a few characters ("科长", "领导不作为") is too little to send straight to the commission, and its
            // probability is mostly the prior: it waits for a dispatcher only on a cue or wording that weighs a lot
            level = p >= strong || cued ? Level.POSSIBLE : Level.NONE;
        }
        return new Assessment(level, p, List.copyOf(evidence));
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 10) + "…" + s.substring(s.length() - 10);
    }

    /** The learnt wording of this text that weighs most towards misconduct (overlapping wording once). */
    private List<String> topGrams(Map<String, Double> x, int limit) {
        // the few heaviest first (a bounded heap: a long letter has thousands of n-grams)
        java.util.PriorityQueue<String> heaviest =
                new java.util.PriorityQueue<>(Comparator.comparingDouble((String g) -> weights.get(g)));
        for (String g : x.keySet()) {
            if (!g.startsWith(CUE) && weights.getOrDefault(g, 0.0) > 0) {
                heaviest.add(g);
                if (heaviest.size() > 4 * limit) {
                    heaviest.poll();
                }
            }
        }
        List<String> ranked = new ArrayList<>(heaviest);
        ranked.sort(Comparator.comparingDouble((String g) -> -weights.get(g)));
        List<String> chosen = new ArrayList<>();
        for (String g : ranked) {
            if (chosen.size() == limit) {
                break;
            }
            if (chosen.stream().noneMatch(c -> c.contains(g) || g.contains(c))) {
                chosen.add(g);
            }
        }
        return chosen.stream().map(g -> "用语「" + g + "」").toList();
    }

    /**
     * A text's features: its n-grams and cues ({@code values}), the first wording each cue found ({@code cues}, so
     * that the evidence needs no second scan of a long text) and how many distinct n-grams it has.
     */
    private record Features(Map<String, Double> values, Map<String, String> cues, int grams) {}

    /**
     * Character bigrams and trigrams (present or not, scaled to unit length so that long letters do not outweigh
     * short posts, but never by less than {@link #MIN_GRAMS} n-grams' worth: a text of a few characters carries
     * little evidence) and one feature per cue found.
     */
    private static Features features(String text) {
        String normalized = CategoryClassifier.normalize(text == null ? "" : text);
        Set<String> grams = new HashSet<>(CategoryClassifier.grams(normalized));
        Map<String, Double> x = new HashMap<>(grams.size() * 2);
        double scale = 1 / Math.sqrt(Math.max(grams.size(), MIN_GRAMS));
        for (String g : grams) {
            x.put(g, scale);
        }
        Map<String, String> cues = new HashMap<>();
        String compact = normalized.replace(" ", "");
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(compact);
            if (m.find()) {
                x.put(CUE + cue.code(), 1.0);
                cues.put(cue.code(), m.group());
            }
        }
        return new Features(x, cues, grams.size());
    }

    private static double dot(Map<String, Double> w, Map<String, Double> x) {
        double s = 0;
        for (Map.Entry<String, Double> f : x.entrySet()) {
            Double wi = w.get(f.getKey());
            if (wi != null) {
                s += wi * f.getValue();
            }
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
