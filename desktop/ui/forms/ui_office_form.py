# generated — do not edit: compiled from forms/office_form.ui by build_scripts/compile_forms.py
# source-sha256: 1085530b732913f9769d5bad2cb092c66821d95dfb79ca6192df3a111d344891
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'office_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

class Ui_OfficeForm(object):
    def setupUi(self, OfficeForm):
        if not OfficeForm.objectName():
            OfficeForm.setObjectName(u"OfficeForm")
        OfficeForm.resize(560, 440)
        self.formLayout = QFormLayout(OfficeForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lblName = QLabel(OfficeForm)
        self.lblName.setObjectName(u"lblName")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lblName)

        self.nameEdit = QLineEdit(OfficeForm)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.lblShortName = QLabel(OfficeForm)
        self.lblShortName.setObjectName(u"lblShortName")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lblShortName)

        self.shortNameEdit = QLineEdit(OfficeForm)
        self.shortNameEdit.setObjectName(u"shortNameEdit")
        self.shortNameEdit.setMaxLength(40)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortNameEdit)

        self.lblParentBody = QLabel(OfficeForm)
        self.lblParentBody.setObjectName(u"lblParentBody")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lblParentBody)

        self.parentBodyEdit = QLineEdit(OfficeForm)
        self.parentBodyEdit.setObjectName(u"parentBodyEdit")
        self.parentBodyEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parentBodyEdit)

        self.lblPlace = QLabel(OfficeForm)
        self.lblPlace.setObjectName(u"lblPlace")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lblPlace)

        self.placeEdit = QLineEdit(OfficeForm)
        self.placeEdit.setObjectName(u"placeEdit")
        self.placeEdit.setMaxLength(100)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.lblArea = QLabel(OfficeForm)
        self.lblArea.setObjectName(u"lblArea")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lblArea)

        self.areaEdit = QLineEdit(OfficeForm)
        self.areaEdit.setObjectName(u"areaEdit")
        self.areaEdit.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.areaEdit)

        self.lblProvince = QLabel(OfficeForm)
        self.lblProvince.setObjectName(u"lblProvince")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lblProvince)

        self.provinceEdit = QLineEdit(OfficeForm)
        self.provinceEdit.setObjectName(u"provinceEdit")
        self.provinceEdit.setMaxLength(200)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.provinceEdit)

        self.lblSignerAuthority = QLabel(OfficeForm)
        self.lblSignerAuthority.setObjectName(u"lblSignerAuthority")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.lblSignerAuthority)

        self.signerAuthorityEdit = QLineEdit(OfficeForm)
        self.signerAuthorityEdit.setObjectName(u"signerAuthorityEdit")
        self.signerAuthorityEdit.setMaxLength(100)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.signerAuthorityEdit)

        self.lblSignerTitle = QLabel(OfficeForm)
        self.lblSignerTitle.setObjectName(u"lblSignerTitle")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.lblSignerTitle)

        self.signerTitleEdit = QLineEdit(OfficeForm)
        self.signerTitleEdit.setObjectName(u"signerTitleEdit")
        self.signerTitleEdit.setMaxLength(100)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.signerTitleEdit)

        self.lblSignerName = QLabel(OfficeForm)
        self.lblSignerName.setObjectName(u"lblSignerName")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.lblSignerName)

        self.signerNameEdit = QLineEdit(OfficeForm)
        self.signerNameEdit.setObjectName(u"signerNameEdit")
        self.signerNameEdit.setMaxLength(100)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.signerNameEdit)

        self.lblDocPrefix = QLabel(OfficeForm)
        self.lblDocPrefix.setObjectName(u"lblDocPrefix")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.lblDocPrefix)

        self.docPrefixEdit = QLineEdit(OfficeForm)
        self.docPrefixEdit.setObjectName(u"docPrefixEdit")
        self.docPrefixEdit.setMaxLength(40)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.docPrefixEdit)

        self.lblAddressee = QLabel(OfficeForm)
        self.lblAddressee.setObjectName(u"lblAddressee")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.lblAddressee)

        self.addresseeEdit = QLineEdit(OfficeForm)
        self.addresseeEdit.setObjectName(u"addresseeEdit")
        self.addresseeEdit.setMaxLength(200)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.addresseeEdit)

        self.lblRecipients = QLabel(OfficeForm)
        self.lblRecipients.setObjectName(u"lblRecipients")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.lblRecipients)

        self.recipientsEdit = QPlainTextEdit(OfficeForm)
        self.recipientsEdit.setObjectName(u"recipientsEdit")
        self.recipientsEdit.setTabChangesFocus(True)
        self.recipientsEdit.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.recipientsEdit)

        self.lblSecondBackup = QLabel(OfficeForm)
        self.lblSecondBackup.setObjectName(u"lblSecondBackup")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.lblSecondBackup)

        self.secondBackupLayout = QHBoxLayout()
        self.secondBackupLayout.setObjectName(u"secondBackupLayout")
        self.secondBackupEdit = QLineEdit(OfficeForm)
        self.secondBackupEdit.setObjectName(u"secondBackupEdit")
        self.secondBackupEdit.setMaxLength(1000)

        self.secondBackupLayout.addWidget(self.secondBackupEdit)

        self.browseSecondBackupButton = QPushButton(OfficeForm)
        self.browseSecondBackupButton.setObjectName(u"browseSecondBackupButton")

        self.secondBackupLayout.addWidget(self.browseSecondBackupButton)


        self.formLayout.setLayout(12, QFormLayout.ItemRole.FieldRole, self.secondBackupLayout)

#if QT_CONFIG(shortcut)
        self.lblName.setBuddy(self.nameEdit)
        self.lblShortName.setBuddy(self.shortNameEdit)
        self.lblParentBody.setBuddy(self.parentBodyEdit)
        self.lblPlace.setBuddy(self.placeEdit)
        self.lblArea.setBuddy(self.areaEdit)
        self.lblProvince.setBuddy(self.provinceEdit)
        self.lblSignerAuthority.setBuddy(self.signerAuthorityEdit)
        self.lblSignerTitle.setBuddy(self.signerTitleEdit)
        self.lblSignerName.setBuddy(self.signerNameEdit)
        self.lblDocPrefix.setBuddy(self.docPrefixEdit)
        self.lblAddressee.setBuddy(self.addresseeEdit)
        self.lblRecipients.setBuddy(self.recipientsEdit)
        self.lblSecondBackup.setBuddy(self.secondBackupEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.shortNameEdit)
        QWidget.setTabOrder(self.shortNameEdit, self.parentBodyEdit)
        QWidget.setTabOrder(self.parentBodyEdit, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.areaEdit)
        QWidget.setTabOrder(self.areaEdit, self.provinceEdit)
        QWidget.setTabOrder(self.provinceEdit, self.signerAuthorityEdit)
        QWidget.setTabOrder(self.signerAuthorityEdit, self.signerTitleEdit)
        QWidget.setTabOrder(self.signerTitleEdit, self.signerNameEdit)
        QWidget.setTabOrder(self.signerNameEdit, self.docPrefixEdit)
        QWidget.setTabOrder(self.docPrefixEdit, self.addresseeEdit)
        QWidget.setTabOrder(self.addresseeEdit, self.recipientsEdit)
        QWidget.setTabOrder(self.recipientsEdit, self.secondBackupEdit)
        QWidget.setTabOrder(self.secondBackupEdit, self.browseSecondBackupButton)

        self.retranslateUi(OfficeForm)
    # setupUi

    def retranslateUi(self, OfficeForm):
        self.lblName.setText(QCoreApplication.translate("OfficeForm", u"T\u00ean &c\u01a1 quan:", None))
        self.lblShortName.setText(QCoreApplication.translate("OfficeForm", u"T\u00ean v&i\u1ebft t\u1eaft:", None))
        self.shortNameEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"VHTT", None))
        self.lblParentBody.setText(QCoreApplication.translate("OfficeForm", u"C\u01a1 quan ch\u1ee7 q&u\u1ea3n:", None))
        self.parentBodyEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"UBND huy\u1ec7n Ninh S\u01a1n", None))
        self.lblPlace.setText(QCoreApplication.translate("OfficeForm", u"\u0110\u1ecb&a danh (d\u00f2ng ng\u00e0y th\u00e1ng):", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"Ninh S\u01a1n", None))
        self.lblArea.setText(QCoreApplication.translate("OfficeForm", u"\u0110\u1ecba &b\u00e0n:", None))
        self.areaEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"huy\u1ec7n Ninh S\u01a1n", None))
        self.lblProvince.setText(QCoreApplication.translate("OfficeForm", u"T\u1ec9nh, th\u00e0nh &ph\u1ed1:", None))
        self.lblSignerAuthority.setText(QCoreApplication.translate("OfficeForm", u"Qu&y\u1ec1n h\u1ea1n k\u00fd (KT., TL., TM.):", None))
        self.signerAuthorityEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"KT. TR\u01af\u1edeNG PH\u00d2NG", None))
        self.lblSignerTitle.setText(QCoreApplication.translate("OfficeForm", u"Ch\u1ee9c &v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.signerTitleEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"PH\u00d3 TR\u01af\u1edeNG PH\u00d2NG", None))
        self.lblSignerName.setText(QCoreApplication.translate("OfficeForm", u"H\u1ecd v\u00e0 t\u00ean n&g\u01b0\u1eddi k\u00fd:", None))
        self.lblDocPrefix.setText(QCoreApplication.translate("OfficeForm", u"&S\u1ed1, k\u00fd hi\u1ec7u v\u0103n b\u1ea3n:", None))
        self.docPrefixEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"/BC-VHTT", None))
        self.lblAddressee.setText(QCoreApplication.translate("OfficeForm", u"&K\u00ednh g\u1eedi:", None))
        self.addresseeEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"\u0110\u1ec3 tr\u1ed1ng: c\u01a1 quan ban h\u00e0nh k\u1ebf ho\u1ea1ch", None))
#if QT_CONFIG(tooltip)
        self.addresseeEdit.setToolTip(QCoreApplication.translate("OfficeForm", u"C\u01a1 quan nh\u1eadn b\u00e1o c\u00e1o, in \u1edf d\u00f2ng \u201cK\u00ednh g\u1eedi:\u201d (\u201cNh\u01b0 tr\u00ean\u201d \u1edf N\u01a1i nh\u1eadn ch\u1ec9 c\u01a1 quan n\u00e0y)", None))
#endif // QT_CONFIG(tooltip)
        self.lblRecipients.setText(QCoreApplication.translate("OfficeForm", u"&N\u01a1i nh\u1eadn:", None))
        self.recipientsEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"M\u1ed7i d\u00f2ng m\u1ed9t n\u01a1i nh\u1eadn, v\u00ed d\u1ee5: Nh\u01b0 tr\u00ean; S\u1edf Khoa h\u1ecdc v\u00e0 C\u00f4ng ngh\u1ec7 (b/c); L\u01b0u: VT, VHTT", None))
        self.lblSecondBackup.setText(QCoreApplication.translate("OfficeForm", u"Th\u01b0 m\u1ee5c sa&o l\u01b0u th\u1ee9 hai:", None))
        self.secondBackupEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"V\u00ed d\u1ee5 E:\\SaoLuu (USB, \u1ed5 \u0111\u0129a kh\u00e1c); tr\u1ed1ng: kh\u00f4ng d\u00f9ng", None))
#if QT_CONFIG(tooltip)
        self.secondBackupEdit.setToolTip(QCoreApplication.translate("OfficeForm", u"M\u1ed7i b\u1ea3n sao l\u01b0u t\u1ef1 \u0111\u1ed9ng c\u0169ng \u0111\u01b0\u1ee3c ch\u00e9p v\u00e0o th\u01b0 m\u1ee5c n\u00e0y khi n\u00f3 \u0111ang c\u00f3 (USB \u0111\u00e3 c\u1eafm).", None))
#endif // QT_CONFIG(tooltip)
        self.browseSecondBackupButton.setText(QCoreApplication.translate("OfficeForm", u"Ch\u1ecdn th\u01b0 &m\u1ee5c\u2026", None))
        pass
    # retranslateUi

