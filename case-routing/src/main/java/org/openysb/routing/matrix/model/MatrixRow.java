package org.openysb.routing.matrix.model;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** category × scope → lead unit, co-handling units and the basis (依据) that makes them responsible. */
@Entity
@Table(name = "matrix_row")
public class MatrixRow {
    public static final String CITY = "city";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, length = 50)
    public String category;

    @Column(name = "name_zh", nullable = false, length = 100)
    public String nameZh;

    @Column(name = "name_en", nullable = false, length = 200)
    public String nameEn;

    @Column(nullable = false, length = 20)
    public String lead;

    /** Unit codes separated by {@code ;}. */
    @Column(name = "co_handlers", nullable = false, length = 500)
    public String coHandlers = "";

    /** {@code city} or a district code. */
    @Column(nullable = false, length = 20)
    public String scope;

    @Column(nullable = false, length = 1000)
    public String basis;

    public List<String> coHandlerCodes() {
        return coHandlers == null || coHandlers.isBlank()
                ? List.of()
                : Arrays.stream(coHandlers.split(";"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** A district-scoped row beats a city-wide one for complaints located in that district (属地管理). */
    public static java.util.Optional<MatrixRow> select(List<MatrixRow> rowsOfCategory, String district) {
        return rowsOfCategory.stream()
                .filter(r -> r.scope.equals(district))
                .findFirst()
                .or(() -> rowsOfCategory.stream()
                        .filter(r -> CITY.equals(r.scope))
                        .findFirst());
    }
}
