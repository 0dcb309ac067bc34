package cn.duijie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsCodesWhoseCheckCharacterFollowsGb32100() {
        // codes printed on business licences, checked independently of this implementation
        for (String code : new String[] {"91350100M000100Y43", "91110000600037341L"}) {
            assertTrue(CreditCode.isValid(code), code);
            assertNull(CreditCode.explain(code));
        }
        assertEquals('3', CreditCode.checkCharacter("91350100M000100Y4"));
    }

    @Test
    void explainsWhatIsWrongInChinese() {
        String first17 = "91321100MA1ABCDE1";
        char right = CreditCode.checkCharacter(first17);
        char wrong = right == '0' ? '1' : '0';
        assertTrue(CreditCode.explain(first17 + wrong).contains("应为“" + right + "”"));
        assertTrue(CreditCode.explain("123").contains("18"));
        assertTrue(CreditCode.explain("91321100MA1ABCDEIX").contains("第 17 位"));
        assertFalse(CreditCode.isValid(null));
    }
}
