# generated — do not edit: compiled from forms/history_page.ui by build_scripts/compile_forms.py
# source-sha256: a2836a48a6412b03d5a231315aad16ee7f4806472ecd01e10fa06a16f9e841f0
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'history_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

class Ui_HistoryPage(object):
    def setupUi(self, HistoryPage):
        if not HistoryPage.objectName():
            HistoryPage.setObjectName(u"HistoryPage")
        HistoryPage.resize(900, 600)
        self.mainLayout = QVBoxLayout(HistoryPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(HistoryPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.lblTable = QLabel(HistoryPage)
        self.lblTable.setObjectName(u"lblTable")

        self.filterLayout.addWidget(self.lblTable)

        self.tableCombo = QComboBox(HistoryPage)
        self.tableCombo.setObjectName(u"tableCombo")

        self.filterLayout.addWidget(self.tableCombo)

        self.chkFrom = QCheckBox(HistoryPage)
        self.chkFrom.setObjectName(u"chkFrom")

        self.filterLayout.addWidget(self.chkFrom)

        self.fromDate = QDateEdit(HistoryPage)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setEnabled(False)
        self.fromDate.setCalendarPopup(True)

        self.filterLayout.addWidget(self.fromDate)

        self.chkTo = QCheckBox(HistoryPage)
        self.chkTo.setObjectName(u"chkTo")

        self.filterLayout.addWidget(self.chkTo)

        self.toDate = QDateEdit(HistoryPage)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setEnabled(False)
        self.toDate.setCalendarPopup(True)

        self.filterLayout.addWidget(self.toDate)

        self.btnClear = QPushButton(HistoryPage)
        self.btnClear.setObjectName(u"btnClear")

        self.filterLayout.addWidget(self.btnClear)


        self.mainLayout.addLayout(self.filterLayout)

        self.historySplitter = QSplitter(HistoryPage)
        self.historySplitter.setObjectName(u"historySplitter")
        self.historySplitter.setOrientation(Qt.Orientation.Vertical)
        self.historySplitter.setChildrenCollapsible(False)
        self.historyTable = QTableView(self.historySplitter)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyTable.setWordWrap(False)
        self.historySplitter.addWidget(self.historyTable)
        self.historyTable.horizontalHeader().setStretchLastSection(True)
        self.historyTable.verticalHeader().setVisible(False)
        self.detailText = QPlainTextEdit(self.historySplitter)
        self.detailText.setObjectName(u"detailText")
        self.detailText.setReadOnly(True)
        self.detailText.setTabChangesFocus(True)
        self.historySplitter.addWidget(self.detailText)

        self.mainLayout.addWidget(self.historySplitter)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.lblCount = QLabel(HistoryPage)
        self.lblCount.setObjectName(u"lblCount")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.lblCount.sizePolicy().hasHeightForWidth())
        self.lblCount.setSizePolicy(sizePolicy)

        self.bottomLayout.addWidget(self.lblCount)

        self.btnMore = QPushButton(HistoryPage)
        self.btnMore.setObjectName(u"btnMore")

        self.bottomLayout.addWidget(self.btnMore)


        self.mainLayout.addLayout(self.bottomLayout)

#if QT_CONFIG(shortcut)
        self.lblTable.setBuddy(self.tableCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.tableCombo)
        QWidget.setTabOrder(self.tableCombo, self.chkFrom)
        QWidget.setTabOrder(self.chkFrom, self.fromDate)
        QWidget.setTabOrder(self.fromDate, self.chkTo)
        QWidget.setTabOrder(self.chkTo, self.toDate)
        QWidget.setTabOrder(self.toDate, self.btnClear)
        QWidget.setTabOrder(self.btnClear, self.historyTable)
        QWidget.setTabOrder(self.historyTable, self.detailText)
        QWidget.setTabOrder(self.detailText, self.btnMore)

        self.retranslateUi(HistoryPage)
    # setupUi

    def retranslateUi(self, HistoryPage):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("HistoryPage", u"T\u00ecm trong n\u1ed9i dung, ng\u01b0\u1eddi th\u1ef1c hi\u1ec7n, l\u00fd do (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("HistoryPage", u"T\u00ecm trong l\u1ecbch s\u1eed", None))
#endif // QT_CONFIG(accessibility)
        self.lblTable.setText(QCoreApplication.translate("HistoryPage", u"&Lo\u1ea1i d\u1eef li\u1ec7u:", None))
        self.chkFrom.setText(QCoreApplication.translate("HistoryPage", u"T\u1eeb &ng\u00e0y", None))
        self.fromDate.setDisplayFormat(QCoreApplication.translate("HistoryPage", u"dd/MM/yyyy", None))
        self.chkTo.setText(QCoreApplication.translate("HistoryPage", u"\u0110\u1ebfn ng\u00e0&y", None))
        self.toDate.setDisplayFormat(QCoreApplication.translate("HistoryPage", u"dd/MM/yyyy", None))
        self.btnClear.setText(QCoreApplication.translate("HistoryPage", u"&B\u1ecf l\u1ecdc", None))
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("HistoryPage", u"L\u1ecbch s\u1eed thay \u0111\u1ed5i", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detailText.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Chi ti\u1ebft thay \u0111\u1ed5i", None))
#endif // QT_CONFIG(accessibility)
        self.lblCount.setText("")
        self.btnMore.setText(QCoreApplication.translate("HistoryPage", u"T\u1ea3i t&h\u00eam", None))
        pass
    # retranslateUi

