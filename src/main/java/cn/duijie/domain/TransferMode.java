package cn.duijie.domain;

import cn.duijie.common.Messages;

/** How an achievement passes to a firm in a technology-transfer project (技术转移): 转让, 许可 or 作价入股. */
public enum TransferMode {
    TRANSFER, LICENSE, EQUITY;

    public String label() {
        return Messages.get("transfer-mode." + name());
    }
}
