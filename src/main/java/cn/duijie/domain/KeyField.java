package cn.duijie.domain;

/**
 * Where a firm's main product sits for the tier criteria: BASIC = 六基 / 产业技术基础 (or 老字号), KEY_LINK = a key link of an
 * industrial chain (补短板、锻长板、填空白; 制造强国 / 网络强国 fields).
 */
public enum KeyField {
    NONE, BASIC, KEY_LINK
}
